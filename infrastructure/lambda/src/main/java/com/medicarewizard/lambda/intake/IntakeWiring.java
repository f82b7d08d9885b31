package com.medicarewizard.lambda.intake;

import com.medicarewizard.adapter.cloudwatch.EmfPipelineMetrics;
import com.medicarewizard.adapter.table.TableRateLimits;
import com.medicarewizard.adapter.table.TableMessageFailures;
import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.dynamodb.DynamoDbItemTable;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.adapter.table.TableTokens;
import com.medicarewizard.adapter.sqs.SqsDeadLetters;
import com.medicarewizard.adapter.sqs.SqsReservationQueue;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.IntakeConfig;
import com.medicarewizard.intake.Operations;
import com.medicarewizard.lambda.common.AwsClients;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.TablePorts;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The intake's ports on AWS, for its two entries (the API and the pipeline metrics schedule):
 * DynamoDB, the reservation queue and its dead letters, pipeline metrics as EMF lines on stdout.
 */
final class IntakeWiring {

    private IntakeWiring() {
    }

    static Intake intake(Map<String, String> env) {
        AwsSettings settings = new AwsSettings(env);
        TablePorts ports = TablePorts.from(settings);
        ItemTable table = ports.table();
        SqsClient sqs = AwsClients.build(SqsClient.builder(), "SQS", settings);
        Operations operations = new Operations(new SqsDeadLetters(sqs, settings.queueUrl(), settings.deadLetterQueueUrl()),
                new TableMessageFailures(table), new TableNotificationLedger(table), Optional.empty(),
                new EmfPipelineMetrics(System.out::println));
        return new Intake(ports.catalog(), new TableSlotLedger(table),
                new TableReservations(table), new SqsReservationQueue(sqs, settings.queueUrl(), settings.deadLetterQueueUrl()),
                new TablePatients(table), new TableTokens(table), new TableRateLimits(table),
                IntakeConfig.fromEnvironment(env, FunctionSpecs.INTAKE.tokenLifetime()).withActiveBookings(
                        new ActiveBookingsLimit(FunctionSpecs.LIMITS.overriddenBy(env).activeBookingsPerPatient())),
                ports.clock()).withOperations(operations);
    }
}
