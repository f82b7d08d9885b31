package com.medicarewizard.lambda.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
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
import com.medicarewizard.intake.ApiHandler;
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
 * The intake Lambda's entry behind API Gateway (REST, proxy integration): Lambda builds it once per
 * container with the no-arg constructor, which wires {@link ApiHandler} to DynamoDB and SQS.
 */
public final class IntakeFunction implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler handler;

    public IntakeFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public IntakeFunction(Map<String, String> env) {
        AwsSettings settings = new AwsSettings(env);
        TablePorts ports = TablePorts.from(settings);
        DynamoDbTable table = ports.table();
        SqsClient sqs = AwsClients.build(SqsClient.builder(), "SQS", settings);
        Operations operations = new Operations(new SqsDeadLetters(sqs, settings.queueUrl(), settings.deadLetterQueueUrl()),
                new DynamoDbMessageFailures(table), new DynamoDbNotificationLedger(table), Optional.empty(),
                new EmfPipelineMetrics(System.out::println));
        this.handler = new ApiHandler(new Intake(ports.catalog(), new DynamoDbSlotLedger(table),
                new DynamoDbReservations(table), new SqsReservationQueue(sqs, settings.queueUrl(), settings.deadLetterQueueUrl()),
                new DynamoDbPatients(table), new DynamoDbTokens(table), new DynamoDbLoginAttempts(table),
                IntakeConfig.fromEnvironment(env), ports.clock()).withOperations(operations));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
