package com.medicarewizard.lambda;

import java.util.HashMap;
import java.util.Map;

/**
 * Run in a fresh JVM on one shaded artifact: builds an entry as Lambda would (class loading and
 * wiring, clients included; nothing is called) and prints how long that took.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        long start = System.nanoTime();
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "eu-south-1", "MCW_TABLE_NAME", "medicarewizard",
                "MCW_QUEUE_URL", "http://127.0.0.1:9/q", "MCW_DEAD_LETTER_QUEUE_URL", "http://127.0.0.1:9/d",
                "MCW_EVENT_BUS_NAME", "medicarewizard", "MCW_MAIL_FROM", "no-reply@medicarewizard.example",
                "MCW_PUBLIC_URL", "https://booking.medicarewizard.example"));
        for (String service : new String[] {"DYNAMODB", "SQS", "SNS", "SES", "EVENTS", "SCHEDULER"}) {
            env.put("MCW_" + service + "_ENDPOINT", "http://127.0.0.1:9");
        }
        env.putAll(Map.of("MCW_REMINDER_SCHEDULE_GROUP", "medicarewizard-reminders",
                "MCW_REMINDER_FUNCTION_ARN", "arn:aws:lambda:eu-south-1:000000000000:function:reminder:live",
                "MCW_REMINDER_SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/reminder-scheduler"));
        Class.forName(args[0]).getConstructor(Map.class).newInstance(env);
        System.out.println("initialised in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
