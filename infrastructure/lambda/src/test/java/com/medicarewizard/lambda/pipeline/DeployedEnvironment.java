package com.medicarewizard.lambda.pipeline;

import com.medicarewizard.functions.AbuseLimits;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.functions.IntakeSpec;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of each function as {@code infrastructure/cdk}'s {@code Functions} sets it, variable
 * for variable and with the same values from {@link FunctionSpecs}, with the stack's references (the
 * table, the queues, the bus) resolved to the names of the local stand-ins; plus what Lambda adds
 * ({@code AWS_REGION}) and the one thing only a local run adds: {@code MCW_<SERVICE>_ENDPOINT} per
 * service, which {@code AwsClients} honours. Nothing else reaches the entries, so an entry that
 * needs a variable the stack does not set fails here as it would on a first deploy.
 * ({@code DeployedEnvironmentTest} holds this to the stack's source.)
 *
 * @param region        the region Lambda reports
 * @param tableName     {@code MCW_TABLE_NAME}
 * @param queueUrl      {@code MCW_QUEUE_URL}
 * @param deadLetterUrl {@code MCW_DEAD_LETTER_QUEUE_URL}
 * @param busName       {@code MCW_EVENT_BUS_NAME}
 * @param mailFrom      {@code MCW_MAIL_FROM}, the verified SES identity
 * @param opsTokenSecretArn {@code MCW_OPS_TOKEN_SECRET_ARN}, the secret holding the operators' token
 *                      (the notifier's function name is its local name, {@code notifier})
 * @param endpoints     the local endpoint of each service, by the suffix of its variable ({@code SNS})
 */
public record DeployedEnvironment(String region, String tableName, String queueUrl, String deadLetterUrl,
                                  String busName, String mailFrom, String opsTokenSecretArn,
                                  Map<String, URI> endpoints) {

    /** The website's address the stack is given ({@code -c publicUrl=…}): where the e-mailed links point. */
    public static final String PUBLIC_URL = "https://booking.medicarewizard.example";

    /** Every function's: the stack's {@code common} map. */
    private Map<String, String> common() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", region);
        env.put("MCW_TABLE_NAME", tableName);
        env.put("MCW_QUEUE_URL", queueUrl);
        env.put("MCW_DEAD_LETTER_QUEUE_URL", deadLetterUrl);
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        endpoints.forEach((service, uri) -> env.put("MCW_" + service + "_ENDPOINT", uri.toString()));
        return env;
    }

    public Map<String, String> intake() {
        Map<String, String> env = common();
        env.put("MCW_TOKEN_TTL_SECONDS", Long.toString(FunctionSpecs.INTAKE.tokenLifetime().toSeconds()));
        env.put(AbuseLimits.ACTIVE_BOOKINGS, Integer.toString(FunctionSpecs.LIMITS.activeBookingsPerPatient()));
        env.put(IntakeSpec.OPS_TOKEN_SECRET_ARN, opsTokenSecretArn);
        env.put(IntakeSpec.CLIENT_ADDRESS_HEADER, IntakeSpec.CLIENT_ADDRESS_HEADER_IN_AWS);
        env.put(IntakeSpec.NOTIFIER_FUNCTION_NAME, FunctionSpecs.NOTIFIER.function().name());
        env.put("MCW_MAIL_FROM", mailFrom);
        env.put(IntakeSpec.PUBLIC_URL, PUBLIC_URL);
        return Map.copyOf(env);
    }

    public Map<String, String> allocator() {
        Map<String, String> env = common();
        env.put(AbuseLimits.ACTIVE_BOOKINGS, Integer.toString(FunctionSpecs.LIMITS.activeBookingsPerPatient()));
        return Map.copyOf(env);
    }

    public Map<String, String> sweeper() {
        Map<String, String> env = common();
        env.put("MCW_SWEEP_AFTER_SECONDS", Long.toString(FunctionSpecs.SWEEPER.patience().aws().toSeconds()));
        return Map.copyOf(env);
    }

    /** The reminders' schedule group in the IT (the stack's is named by CloudFormation). */
    public static final String REMINDER_GROUP = "medicarewizard-reminders";

    /** The senders' settings: the parked-notification retrier's and the reminder function's (the stack gives both this map). */
    public Map<String, String> messaging() {
        Map<String, String> env = common();
        env.put("MCW_EVENT_BUS_NAME", busName);
        env.put("MCW_MAIL_FROM", mailFrom);
        env.put(AbuseLimits.MESSAGES_PER_HOUR, Integer.toString(FunctionSpecs.LIMITS.messagesPerRecipientPerHour()));
        env.put(IntakeSpec.PUBLIC_URL, PUBLIC_URL);
        return Map.copyOf(env);
    }

    /** The notifier's: the senders' settings, and where it keeps the reminders' schedules. */
    public Map<String, String> notifier() {
        Map<String, String> env = new HashMap<>(messaging());
        env.put("MCW_REMINDER_SCHEDULE_GROUP", REMINDER_GROUP);
        env.put("MCW_REMINDER_FUNCTION_ARN", "arn:aws:lambda:" + region + ":000000000000:function:"
                + FunctionSpecs.REMINDER.function().name() + ":live");
        env.put("MCW_REMINDER_SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/reminder-scheduler");
        return Map.copyOf(env);
    }

    /** The availability projector's: only the table (the stack's {@code common} map). */
    public Map<String, String> availabilityProjector() {
        return Map.copyOf(common());
    }

    /** The stack tells it, as the intake, whose {@code IteratorAge} is the stream lag. */
    public Map<String, String> pipelineMetrics() {
        Map<String, String> env = common();
        env.put(IntakeSpec.NOTIFIER_FUNCTION_NAME, FunctionSpecs.NOTIFIER.function().name());
        return Map.copyOf(env);
    }
}
