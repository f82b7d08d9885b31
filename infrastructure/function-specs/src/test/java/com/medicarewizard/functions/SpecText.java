package com.medicarewizard.functions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The specs as the documents write them: "3 min", "yes", "1024 MB". */
final class SpecText {

    /** A setting's name in the documents and its two values. */
    record Setting(String label, PerRuntime<String> value) {
    }

    /** A row of the functions table, without its notes. */
    record FunctionRow(String name, List<String> cells) {
    }

    private SpecText() {
    }

    static List<FunctionRow> functions() {
        return FunctionSpecs.all().stream().map(f -> new FunctionRow(f.name(), List.of(f.name(),
                f.handler().substring(f.handler().lastIndexOf('.') + 1), f.artifact() + ".jar", f.memoryMb() + " MB",
                cell(durations(f.timeout())), concurrency(f)))).toList();
    }

    /** The settings of the event sources, queue, schedules and intake (the functions table holds the rest). */
    static List<Setting> settings() {
        QueueSource queue = FunctionSpecs.ALLOCATOR.queue();
        StreamSource stream = FunctionSpecs.NOTIFIER.stream();
        List<Setting> settings = new ArrayList<>(List.of(
                same("allocator batch size", queue.batchSize()),
                same("allocator batching window", duration(queue.batchingWindow())),
                same("allocator reports batch item failures", yes(queue.reportBatchItemFailures())),
                new Setting("allocator decisions at once", new PerRuntime<>(
                        FunctionSpecs.ALLOCATOR.decidedAtOnce().aws().toString(),
                        FunctionSpecs.ALLOCATOR.decidedAtOnce().local().toString())),
                new Setting("allocator maximum concurrency", new PerRuntime<>(queue.maximumConcurrency().aws().toString(),
                        queue.maximumConcurrency().local().toString())),
                new Setting("queue visibility timeout", durations(queue.visibilityTimeout())),
                same("queue max receive count", queue.maxReceiveCount()),
                new Setting("sweeper period", durations(FunctionSpecs.SWEEPER.every())),
                new Setting("sweeper patience", durations(FunctionSpecs.SWEEPER.patience())),
                same("sweeper batch", FunctionSpecs.SWEEPER.batch())));
        settings.addAll(List.of(
                same("notifier batch size", stream.batchSize()),
                same("notifier batching window", duration(stream.batchingWindow())),
                same("notifier retries", stream.retryAttempts()),
                same("notifier max record age", duration(stream.maxRecordAge())),
                same("notifier bisects on error", yes(stream.bisectOnError())),
                same("notifier reports batch item failures", yes(stream.reportBatchItemFailures())),
                new Setting("parked-retry period", durations(FunctionSpecs.PARKED_RETRY.every())),
                same("parked-retry batch", FunctionSpecs.PARKED_RETRY.batch()),
                new Setting("pipeline-metrics period",
                        new PerRuntime<>(duration(FunctionSpecs.PIPELINE_METRICS.every()), "not run"))));
        settings.addAll(projector());
        settings.addAll(reminder());
        settings.addAll(List.of(
                same("token lifetime", duration(FunctionSpecs.INTAKE.tokenLifetime())),
                same("active bookings per patient", FunctionSpecs.LIMITS.activeBookingsPerPatient()),
                same("messages per recipient per hour", FunctionSpecs.LIMITS.messagesPerRecipientPerHour())));
        return settings;
    }

    /** The availability projector's mapping: AWS only. */
    private static List<Setting> projector() {
        AvailabilityProjectorSpec projector = FunctionSpecs.AVAILABILITY_PROJECTOR;
        StreamSource stream = projector.stream();
        return List.of(
                awsOnly("availability-projector batch size", stream.batchSize()),
                awsOnly("availability-projector retries", stream.retryAttempts()),
                awsOnly("availability-projector max record age", duration(stream.maxRecordAge())),
                awsOnly("availability-projector parallelization", projector.parallelization()));
    }

    /** The reminder function's schedules: Scheduler's retry policy in AWS, the table's schedule polled locally. */
    private static List<Setting> reminder() {
        ReminderSpec reminder = FunctionSpecs.REMINDER;
        return List.of(
                new Setting("reminder retries", new PerRuntime<>(Integer.toString(reminder.retryAttempts()),
                        "at each poll")),
                new Setting("reminder max event age", new PerRuntime<>(duration(reminder.maxEventAge()),
                        "while of use")),
                new Setting("reminder schedule poll", new PerRuntime<>("none", duration(reminder.localPollEvery()))));
    }

    private static Setting awsOnly(String label, Object value) {
        return new Setting(label, new PerRuntime<>(value.toString(), "not run"));
    }

    /** The rows of the alarms table: name, source, metric (statistic), when it fires, missing data. */
    static List<List<String>> alarms() {
        return Alarms.ALL.stream().map(a -> List.of(a.name(), a.source().label() + " (" + a.source().namespace() + ")",
                a.metric() + " (" + a.statistic() + ")", a.condition(), a.missingData().text())).toList();
    }

    /** Every setting a document may quote as {@code `label: value`}: the settings and each function's own. */
    static Map<String, PerRuntime<String>> quotable() {
        Map<String, PerRuntime<String>> quotable = new LinkedHashMap<>();
        FunctionSpecs.all().forEach(f -> {
            quotable.put(f.name() + " timeout", durations(f.timeout()));
            quotable.put(f.name() + " memory", PerRuntime.both(f.memoryMb() + " MB"));
            quotable.put(f.name() + " reserved concurrency", PerRuntime.both(concurrency(f)));
        });
        settings().forEach(s -> quotable.put(s.label(), s.value()));
        return quotable;
    }

    /** One value when both runtimes agree, else both named. */
    static String cell(PerRuntime<String> value) {
        return value.differs() ? value.aws() + " (AWS), " + value.local() + " (local)" : value.aws();
    }

    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis == 0) {
            return "0 s";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String concurrency(FunctionSpec function) {
        return function.reservedConcurrency().isPresent() ? Integer.toString(function.reservedConcurrency().getAsInt())
                : "none";
    }

    private static PerRuntime<String> durations(PerRuntime<Duration> value) {
        return new PerRuntime<>(duration(value.aws()), duration(value.local()));
    }

    private static Setting same(String label, Object value) {
        return new Setting(label, PerRuntime.both(value.toString()));
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
