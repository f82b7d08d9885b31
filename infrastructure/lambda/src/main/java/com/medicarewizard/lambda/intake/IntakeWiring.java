package com.medicarewizard.lambda.intake;

import com.medicarewizard.adapter.cloudwatch.EmfPipelineMetrics;
import com.medicarewizard.adapter.dynamodb.DynamoDbLoginAttempts;
import com.medicarewizard.adapter.dynamodb.DynamoDbMessageFailures;
import com.medicarewizard.adapter.dynamodb.DynamoDbNotificationLedger;
import com.medicarewizard.adapter.dynamodb.DynamoDbPatients;
import com.medicarewizard.adapter.dynamodb.DynamoDbReservations;
import com.medicarewizard.adapter.dynamodb.DynamoDbSlotLedger;
import com.medicarewizard.adapter.dynamodb.DynamoDbTable;
import com.medicarewizard.adapter.dynamodb.DynamoDbTokens;
import com.medicarewizard.adapter.sqs.SqsDeadLetters;
import com.medicarewizard.adapter.sqs.SqsReservationQueue;
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
        DynamoDbTable table = ports.table();
        SqsClient sqs = AwsClients.build(SqsClient.builder(), "SQS", settings);
        Operations operations = new Operations(new SqsDeadLetters(sqs, settings.queueUrl(), settings.deadLetterQueueUrl()),
                new DynamoDbMessageFailures(table), new DynamoDbNotificationLedger(table), Optional.empty(),
                new EmfPipelineMetrics(System.out::println));
        return new Intake(ports.catalog(), new DynamoDbSlotLedger(table),
                new DynamoDbReservations(table), new SqsReservationQueue(sqs, settings.queueUrl(), settings.deadLetterQueueUrl()),
                new DynamoDbPatients(table), new DynamoDbTokens(table), new DynamoDbLoginAttempts(table),
                IntakeConfig.fromEnvironment(env), ports.clock()).withOperations(operations);
    }
}
