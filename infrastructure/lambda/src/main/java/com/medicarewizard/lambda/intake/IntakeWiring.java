package com.medicarewizard.lambda.intake;

import com.medicarewizard.adapter.cloudwatch.CloudWatchIteratorAge;
import com.medicarewizard.adapter.cloudwatch.EmfPipelineMetrics;
import com.medicarewizard.adapter.secretsmanager.SecretsManagerSecret;
import com.medicarewizard.adapter.table.TableRateLimits;
import com.medicarewizard.adapter.table.TableMessageFailures;
import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.notifications.SesSnsNotifications;
import com.medicarewizard.adapter.table.TableAuditTrail;
import com.medicarewizard.adapter.table.TableCenterVersions;
import com.medicarewizard.adapter.table.TableDeskMarks;
import com.medicarewizard.adapter.table.TablePasswordResets;
import com.medicarewizard.adapter.table.TableStaffAccounts;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.table.TableRecipientQuota;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.adapter.table.TableWaitlist;
import com.medicarewizard.adapter.dynamodb.DynamoDbItemTable;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.adapter.table.TableTokens;
import com.medicarewizard.adapter.dynamodb.PolledReservationChanges;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.functions.IntakeSpec;
import com.medicarewizard.intake.ApiHandler;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.IntakeConfig;
import com.medicarewizard.intake.Operations;
import com.medicarewizard.intake.StreamPosition;
import com.medicarewizard.intake.auth.CachedSecret;
import com.medicarewizard.intake.auth.Secret;
import com.medicarewizard.intake.http.ClientAddress;
import com.medicarewizard.lambda.common.AwsClients;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.SqsQueues;
import com.medicarewizard.lambda.common.TablePorts;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The intake's ports on AWS, for its two entries (the API and the pipeline metrics schedule):
 * DynamoDB, the reservation queue and its dead letters, pipeline metrics as EMF lines on stdout,
 * the notifier's stream lag from CloudWatch ({@value IntakeSpec#NOTIFIER_FUNCTION_NAME}'s IteratorAge;
 * unknown without it); and for the API, the operators' token from Secrets Manager, read at first
 * use ({@value IntakeSpec#OPS_TOKEN_SECRET_ARN}; without it {@code MCW_OPS_TOKEN}, and without either
 * the operator routes are closed), and the client address from the header CloudFront writes it to
 * ({@value IntakeSpec#CLIENT_ADDRESS_HEADER}; without it API Gateway's source IP); the password reset
 * codes by e-mail through SES ({@code MCW_MAIL_FROM}, a verified identity); availability from the summary
 * the availability projector keeps, not from the ledger (docs/adr/0014); the waitlist in the table.
 */
final class IntakeWiring {

    private IntakeWiring() {
    }

    /** The API's handler: the intake behind the operator token, clients known by their address. */
    static ApiHandler api(Map<String, String> env) {
        AwsSettings settings = new AwsSettings(env);
        TablePorts ports = TablePorts.from(settings);
        var mail = SesSnsNotifications.mailOnly(AwsClients.build(SesV2Client.builder(), "SES", settings),
                settings.required("MCW_MAIL_FROM"));
        Intake intake = intake(env, ports).withPasswordResets(new TablePasswordResets(ports.table()), mail)
                .withStaff(new Intake.StaffPorts(new TableStaffAccounts(ports.table()), new TableAuditTrail(ports.table()),
                        mail, URI.create(settings.required(IntakeSpec.PUBLIC_URL)), new TableCenterVersions(ports.table()),
                        new TableDeskMarks(ports.table())));
        Secret opsToken = settings.optional(IntakeSpec.OPS_TOKEN_SECRET_ARN).<Secret>map(arn -> new CachedSecret(
                "operator token", new SecretsManagerSecret(AwsClients.build(SecretsManagerClient.builder(),
                        "SECRETSMANAGER", settings), arn)::read)).orElse(Secret.fixed(intake.config().opsToken()));
        return new ApiHandler(intake, opsToken, new ClientAddress(settings.optional(IntakeSpec.CLIENT_ADDRESS_HEADER)));
    }

    static Intake intake(Map<String, String> env) {
        return intake(env, TablePorts.from(new AwsSettings(env)));
    }

    private static Intake intake(Map<String, String> env, TablePorts ports) {
        AwsSettings settings = new AwsSettings(env);
        ItemTable table = ports.table();
        SqsQueues queues = SqsQueues.from(settings);
        Operations operations = new Operations(queues.deadLetters(),
                new TableMessageFailures(table), new TableNotificationLedger(table), Optional.empty(),
                new EmfPipelineMetrics(System.out::println));
        TableReservations reservations = new TableReservations(table);
        return new Intake(ports.catalog(), new TableSlotLedger(table),
                reservations, queues.reservations(),
                new TablePatients(table), new TableTokens(table), new TableRateLimits(table),
                IntakeConfig.fromEnvironment(env, FunctionSpecs.INTAKE.tokenLifetime()).withActiveBookings(
                        new ActiveBookingsLimit(FunctionSpecs.LIMITS.overriddenBy(env).activeBookingsPerPatient())),
                ports.clock()).withOperations(operations).withStreamPosition(streamLag(settings, ports.clock()))
                .withRecipientQuota(new TableRecipientQuota(table))
                .withWaitlist(new TableWaitlist(table))
                .withChanges(new PolledReservationChanges(reservations))
                // availability from its read model, each resource's query at once (docs/adr/0014)
                .withTakenCells(new TableTakenCells(table));
    }

    private static StreamPosition streamLag(AwsSettings settings, Clock clock) {
        return settings.optional(IntakeSpec.NOTIFIER_FUNCTION_NAME).<StreamPosition>map(notifier -> new CloudWatchIteratorAge(
                AwsClients.build(CloudWatchClient.builder(), "CLOUDWATCH", settings), notifier, clock)::seconds)
                .orElse(StreamPosition.NONE);
    }
}
