package com.medicarewizard.functions;

import com.medicarewizard.functions.AlarmSpec.Comparison;
import com.medicarewizard.functions.AlarmSpec.MissingData;
import com.medicarewizard.functions.AlarmSpec.Source;

import java.util.List;

/**
 * The operators' alarms in AWS, defined once: the CDK stack creates exactly these and
 * docs/operations.md lists exactly these (both tested). Every place where a request or a record waits
 * for an operator has one (the dead-letter, stream-failures and failed-invocations queues), and so has
 * every figure the operators are told to watch.
 */
public final class Alarms {

    public static final List<AlarmSpec> ALL = List.of(
            new AlarmSpec("QueueDepth", Source.RESERVATION_QUEUE, "ApproximateNumberOfMessagesVisible", "Maximum",
                    Comparison.GREATER_THAN, 500, "", 5, MissingData.NOT_BREACHING,
                    "Requests waiting for the allocator"),
            new AlarmSpec("OldestRequestAge", Source.RESERVATION_QUEUE, "ApproximateAgeOfOldestMessage", "Maximum",
                    Comparison.GREATER_THAN, 30, " s", 3, MissingData.NOT_BREACHING,
                    "A request has waited longer than patients are told (a second or two)"),
            anyIn("DeadLetters", Source.DEAD_LETTER_QUEUE,
                    "Requests the allocator gave up on, each answered 202: redrive them after a fix"),
            anyIn("StreamFailures", Source.STREAM_FAILURES_QUEUE,
                    "Stream records the notifier gave up on: read them and re-drive their shard range"),
            anyIn("FailedInvocations", Source.FAILED_INVOCATIONS_QUEUE,
                    "Scheduled runs (sweeper, parked retrier, pipeline metrics) that failed every retry"),
            new AlarmSpec("StreamLag", Source.NOTIFIER_FUNCTION, "IteratorAge", "Maximum", Comparison.GREATER_THAN,
                    60_000, " ms", 5, MissingData.NOT_BREACHING,
                    "The notifier is more than a minute behind the table's changes"),
            new AlarmSpec("AvailabilityLag", Source.AVAILABILITY_PROJECTOR_FUNCTION, "IteratorAge", "Maximum",
                    Comparison.GREATER_THAN, 60_000, " ms", 5, MissingData.NOT_BREACHING,
                    "Availability shows the bookings of more than a minute ago: its read model's projector is behind"),
            new AlarmSpec("AllocatorLag", Source.PIPELINE, "AllocatorLag", "Maximum", Comparison.GREATER_THAN, 5, " s",
                    5, MissingData.BREACHING,
                    "Requests take long to be decided, or the pipeline figures stopped coming"),
            new AlarmSpec("RejectedOverConfirmed", Source.PIPELINE, "RejectedPerMinute - ConfirmedPerMinute", "Maximum",
                    Comparison.GREATER_THAN, 0, "", 15, MissingData.BREACHING,
                    "More rejections than confirmations (capacity, or a rule gone wrong), or no figures"),
            new AlarmSpec("ParkedNotifications", Source.PIPELINE, "ParkedNotifications", "Maximum", Comparison.AT_LEAST, 1,
                    "", 30, MissingData.BREACHING,
                    "Notifications waiting to be retried or for an operator, or no figures"));

    private Alarms() {
    }

    /**
     * A queue that should stay empty: any message in it waits for an operator. Visible and in-flight
     * messages both count: an operator listing the dead letters hides them for a few seconds, and the
     * alarm must not go to OK and back each time someone looks.
     */
    private static AlarmSpec anyIn(String name, Source queue, String meaning) {
        return new AlarmSpec(name, queue, "ApproximateNumberOfMessagesVisible + ApproximateNumberOfMessagesNotVisible",
                "Maximum", Comparison.AT_LEAST, 1, "",
                1, MissingData.NOT_BREACHING, meaning);
    }
}
