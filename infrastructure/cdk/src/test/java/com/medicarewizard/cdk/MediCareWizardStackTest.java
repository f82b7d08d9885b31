package com.medicarewizard.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Assertions on the synthesized template; the settings of FunctionSpecs are asserted by {@link DeployedSpecsTest}. */
class MediCareWizardStackTest {

    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedStack.template();
    }

    /** Our six functions (the CDK adds helper functions of its own, in other runtimes). */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> ourFunctions() {
        Map<String, Map<String, Object>> functions = new java.util.LinkedHashMap<>();
        template.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Runtime", "java21")))
                .forEach((id, resource) -> functions.put(id, (Map<String, Object>) ((Map<String, Object>) resource)
                        .get("Properties")));
        return functions;
    }

    private static String handler(Map<String, Object> function) {
        return (String) function.get("Handler");
    }

    @Test
    void sixJava21FunctionsWithSnapStartOnPublishedVersions() {
        assertThat(ourFunctions()).hasSize(6).allSatisfy((id, function) -> {
            assertThat(function).containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
            assertThat(handler(function)).startsWith("com.medicarewizard.lambda.").endsWith("::handleRequest");
        });
        template.resourceCountIs("AWS::Lambda::Alias", 6);
    }

    @Test
    void thePipelineMetricsAreWrittenEveryMinuteByTheirOwnFunction() {
        assertThat(ourFunctions().values()).filteredOn(f -> handler(f).contains("PipelineMetricsFunction")).hasSize(1);
        template.resourcePropertiesCountIs("AWS::Events::Rule", Map.of("ScheduleExpression", "rate(1 minute)"), 3);
    }

    @Test
    void everyFunctionHasADeadLetterQueueAndTheSourcesTheirFailureDestinations() {
        assertThat(ourFunctions()).allSatisfy((id, function) -> assertThat(function).containsKey("DeadLetterConfig"));
        template.hasResourceProperties("AWS::SQS::Queue", Map.of("RedrivePolicy",
                Map.of("maxReceiveCount", Match.anyValue(), "deadLetterTargetArn", Match.anyValue())));
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "StartingPosition", "TRIM_HORIZON",
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Match.anyValue()))));
    }

    /** The sweeper reads the queue's figures before re-sending and records each re-send on the request. */
    @Test
    @SuppressWarnings("unchecked")
    void theSweeperMayReadTheQueuesFiguresAndRecordItsReSends() {
        String policies = template.findResources("AWS::IAM::Policy").values().stream()
                .map(resource -> (Map<String, Object>) ((Map<String, Object>) resource).get("Properties"))
                .filter(properties -> properties.get("Roles").toString().contains("Sweeper"))
                .map(properties -> properties.get("PolicyDocument").toString())
                .reduce("", String::concat);
        assertThat(policies).contains("sqs:GetQueueAttributes").contains("sqs:SendMessage")
                .contains("dynamodb:UpdateItem");
    }

    @Test
    void theAllocatorCannotRunConcurrently() {
        assertThat(ourFunctions().values()).filteredOn(f -> f.containsKey("ReservedConcurrentExecutions"))
                .singleElement().satisfies(allocator -> {
                    assertThat(handler(allocator)).contains("AllocatorFunction");
                    assertThat(allocator).containsEntry("ReservedConcurrentExecutions", 1);
                });
    }

    @Test
    void alarmsOnQueueDepthOldestAgeAndDeadLettersWithTheDocumentedThresholds() {
        alarm("ApproximateNumberOfMessagesVisible", 500, 5, "GreaterThanThreshold", "QueuesRequests.*");
        alarm("ApproximateAgeOfOldestMessage", 30, 3, "GreaterThanThreshold", "QueuesRequests.*");
        alarm("ApproximateNumberOfMessagesVisible", 1, 1, "GreaterThanOrEqualToThreshold", "QueuesDeadLetters.*");
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "IteratorAge",
                "Threshold", 60_000, "EvaluationPeriods", 5));
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }

    private static void alarm(String metric, int threshold, int minutes, String comparison, String queue) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/SQS", "MetricName", metric, "Threshold", threshold,
                "EvaluationPeriods", minutes, "ComparisonOperator", comparison, "Period", 60,
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(queue), "QueueName"))))));
    }

    @Test
    void theTableStreamsBothImagesWithRecoveryEncryptionTtlAndTheLayoutsIndexes() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "GlobalSecondaryIndexes", Match.arrayWith(List.of(Match.objectLike(Map.of("IndexName", "byPatient"))))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void leastPrivilegeNoWildcardActionsAndNoDataActionOnEveryResource() {
        List<Map<String, Object>> statements = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").values().forEach(policy -> statements.addAll(
                (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) policy)
                        .get("Properties")).get("PolicyDocument")).get("Statement")));
        assertThat(statements).isNotEmpty().allSatisfy(statement -> {
            List<String> actions = statement.get("Action") instanceof List<?> list
                    ? (List<String>) list : List.of((String) statement.get("Action"));
            assertThat(actions).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
            // ListStreams (the stream mapping's) is the one DynamoDB action without resource-level permissions.
            if (actions.stream().anyMatch(a -> a.startsWith("dynamodb:") && !a.equals("dynamodb:ListStreams")
                    || a.startsWith("sqs:"))) {
                assertThat(statement.get("Resource")).isNotEqualTo("*");
            }
        });
    }

    @Test
    void theApiIsBuiltFromTheOpenApiDocumentThrottledAndProxiedToTheIntake() {
        template.hasResourceProperties("AWS::ApiGateway::RestApi", Map.of("Body", Match.objectLike(Map.of(
                "openapi", "3.0.3",
                "paths", Match.objectLike(Map.of("/api/v1/reservations", Match.objectLike(Map.of("post",
                        Match.objectLike(Map.of("x-amazon-apigateway-integration",
                                Match.objectLike(Map.of("type", "aws_proxy"))))))))))));
        template.hasResourceProperties("AWS::ApiGateway::Stage", Map.of("MethodSettings", Match.arrayWith(List.of(
                Match.objectLike(Map.of("ThrottlingRateLimit", PublicApi.RATE_LIMIT,
                        "ThrottlingBurstLimit", PublicApi.BURST_LIMIT))))));
    }

    @Test
    void theWebsiteAnswersWithTheSecurityHeaders() {
        template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Map.of("ResponseHeadersPolicyConfig",
                Match.objectLike(Map.of("SecurityHeadersConfig", Match.objectLike(Map.of(
                        "ContentSecurityPolicy", Match.objectLike(Map.of("ContentSecurityPolicy",
                                Match.stringLikeRegexp(".*frame-ancestors 'none'.*"))),
                        "ContentTypeOptions", Match.objectLike(Map.of("Override", true)),
                        "FrameOptions", Match.objectLike(Map.of("FrameOption", "DENY")),
                        "ReferrerPolicy", Match.objectLike(Map.of("ReferrerPolicy", "no-referrer"))))))));
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("PublicAccessBlockConfiguration",
                Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                        "RestrictPublicBuckets", true)));
    }

    @Test
    void eventsGoToABusWithAnArchive() {
        template.resourceCountIs("AWS::Events::EventBus", 1);
        template.hasResourceProperties("AWS::Events::Archive", Map.of("RetentionDays", 90));
    }
}
