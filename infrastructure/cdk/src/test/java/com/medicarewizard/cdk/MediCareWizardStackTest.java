package com.medicarewizard.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.functions.IntakeSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    /** Our eight functions (the CDK adds helper functions of its own, in other runtimes). */
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
    void eightJava21FunctionsWithSnapStartOnPublishedVersions() {
        assertThat(ourFunctions()).hasSize(8).allSatisfy((id, function) -> {
            assertThat(function).containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
            assertThat(handler(function)).startsWith("com.medicarewizard.lambda.").endsWith("::handleRequest");
        });
        template.resourceCountIs("AWS::Lambda::Alias", 8);
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

    /** The policy documents attached to the role of the function whose construct id contains {@code function}. */
    @SuppressWarnings("unchecked")
    private static String policiesOf(String function) {
        return template.findResources("AWS::IAM::Policy").values().stream()
                .map(resource -> (Map<String, Object>) ((Map<String, Object>) resource).get("Properties"))
                .filter(properties -> properties.get("Roles").toString().contains(function))
                .map(properties -> properties.get("PolicyDocument").toString())
                .reduce("", String::concat);
    }

    /**
     * The actions the role of the function whose construct id contains {@code function} has on the
     * resources whose reference contains {@code resource} (a construct id such as {@code QueuesDeadLetters}).
     */
    @SuppressWarnings("unchecked")
    private static Set<String> actionsOn(String function, String resource) {
        Set<String> actions = new TreeSet<>();
        template.findResources("AWS::IAM::Policy").values().stream()
                .map(policy -> (Map<String, Object>) ((Map<String, Object>) policy).get("Properties"))
                .filter(properties -> properties.get("Roles").toString().contains(function))
                .flatMap(properties -> ((List<Map<String, Object>>) ((Map<String, Object>) properties
                        .get("PolicyDocument")).get("Statement")).stream())
                .filter(statement -> statement.get("Resource").toString().contains(resource))
                .forEach(statement -> actions.addAll(actions(statement)));
        return actions;
    }

    /** A statement's actions, one or a list. */
    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> statement) {
        Object actions = statement.get("Action");
        return actions instanceof List<?> list ? (List<String>) list : List.of((String) actions);
    }

    /**
     * Operators' list and redrive (SqsDeadLetters) on the dead-letter queue: receive to list (and the
     * visibility change that makes what a listing hid visible again at its end), its figures
     * and ARN, SQS's message move task started and listed, and the delete the move makes with the caller's
     * permissions (it sends to the reservation queue, which the intake may anyway). Nothing else: no
     * cancelling a move, no queue-URL lookups.
     */
    @Test
    void theIntakeMayListAndMoveDeadLettersAndNothingMore() {
        assertThat(actionsOn("Intake", "QueuesDeadLetters")).containsExactlyInAnyOrder("sqs:ReceiveMessage",
                "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                "sqs:StartMessageMoveTask", "sqs:ListMessageMoveTasks");
        assertThat(actionsOn("Intake", "QueuesRequests")).contains("sqs:SendMessage");
    }

    /**
     * The sweeper reads the queue's figures before re-sending and records each re-send on the request:
     * on the table it queries the pending index and updates the request (TableReservations.waitingSince,
     * recordResent), reading it again when a condition fails without the old item; no puts, deletes or
     * batch writes.
     */
    @Test
    void theSweeperMayReadTheQueuesFiguresAndRecordItsReSendsAndNothingMore() {
        assertThat(policiesOf("Sweeper")).contains("sqs:GetQueueAttributes").contains("sqs:SendMessage");
        assertThat(actionsOn("Sweeper", "DataTable")).containsExactlyInAnyOrder("dynamodb:Query",
                "dynamodb:UpdateItem", "dynamodb:GetItem");
        assertThat(policiesOf("Sweeper")).contains("/index/*");
    }

    /** The notifier and the parked retrier send e-mail with SES v2's SendEmail only (SesSnsNotifications). */
    @Test
    void mailIsSentWithSendEmailOnly() {
        for (String function : List.of("Notifier", "ParkedRetry")) {
            assertThat(policiesOf(function)).as(function).contains("ses:SendEmail").doesNotContain("ses:SendRawEmail");
        }
    }

    /** Issue 16: the intake e-mails password reset codes itself (SES only: no SMS, no events), from the same sender. */
    @Test
    void theIntakeMaySendMailButNoTextsNorEvents() {
        assertThat(policiesOf("Intake")).contains("ses:SendEmail").doesNotContain("ses:SendRawEmail", "sns:Publish",
                "events:PutEvents");
        environmentOf("IntakeFunction", Map.of("MCW_MAIL_FROM", SynthesizedStack.settings().mailFrom()));
    }

    /**
     * L1: a reserved concurrency cannot be deployed where the account's concurrency quota is 10, and it
     * would not stop the mapping's five pollers from receiving batches only to be throttled; the mapping
     * is capped at 2 instead, its least (docs/adr/0008).
     */
    @Test
    void noFunctionReservesConcurrencyAndTheAllocatorsMappingRunsAtMostTwoBatches() {
        assertThat(ourFunctions().values()).noneMatch(f -> f.containsKey("ReservedConcurrentExecutions"));
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("QueuesRequests.*"), "Arn")),
                "ScalingConfig", Map.of("MaximumConcurrency", 2)));
    }

    /** B4: every queue where something waits for an operator alarms at its first message. */
    @Test
    void everyFailureQueueAlarmsAtItsFirstMessage() {
        for (String queue : List.of("QueuesDeadLetters.*", "QueuesStreamFailures.*", "QueuesFailedInvocations.*")) {
            waitingOrInFlight(queue);
        }
        alarm("ApproximateNumberOfMessagesVisible", 500, 5, "GreaterThanThreshold", "QueuesRequests.*");
        alarm("ApproximateAgeOfOldestMessage", 30, 3, "GreaterThanThreshold", "QueuesRequests.*");
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "AWS/Lambda",
                "MetricName", "IteratorAge", "Threshold", 60_000, "EvaluationPeriods", 5));
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }

    /** B4: the figures pipeline-metrics writes every minute alarm when they stop coming, too. */
    @Test
    void theFiguresAlarmsTreatAMissingMinuteAsBreaching() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "MediCareWizard",
                "MetricName", "AllocatorLag", "Threshold", 5, "TreatMissingData", "breaching"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "MediCareWizard",
                "MetricName", "ParkedNotifications", "EvaluationPeriods", 30, "TreatMissingData", "breaching"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "a - b")))),
                "EvaluationPeriods", 15, "TreatMissingData", "breaching")));
    }

    /**
     * The alarm on a queue that should stay empty counts its visible and its in-flight messages, so an
     * operator listing (and so hiding) them does not send it to OK and back.
     */
    private static void waitingOrInFlight(String queue) {
        for (Object part : List.of(Match.objectLike(Map.of("Expression", "a + b")),
                queueMetric("ApproximateNumberOfMessagesVisible", queue),
                queueMetric("ApproximateNumberOfMessagesNotVisible", queue))) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Threshold", 1, "EvaluationPeriods", 1,
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold", "Metrics", Match.arrayWith(List.of(part))));
        }
    }

    private static Object queueMetric(String name, String queue) {
        return Match.objectLike(Map.of("MetricStat", Match.objectLike(Map.of("Metric", Map.of(
                "Namespace", "AWS/SQS", "MetricName", name,
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(queue), "QueueName")))))))));
    }

    private static void alarm(String metric, int threshold, int minutes, String comparison, String queue) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/SQS", "MetricName", metric, "Threshold", threshold,
                "EvaluationPeriods", minutes, "ComparisonOperator", comparison, "Period", 60,
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(queue), "QueueName"))))));
    }

    /**
     * Availability's read model (docs/adr/0014): the projector is invoked for claim records only, its
     * failed batches leave their position where the notifier's do, and it may only update and read items.
     */
    @Test
    void theNotifierIsInvokedForReservationsChangesAlone() {
        String reservationsOnly = "{\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[{\"prefix\":\"RESERVATION#\"}]}}}}";
        assertThat(template.findResources("AWS::Lambda::EventSourceMapping").values())
                .filteredOn(mapping -> mapping.toString().contains("Notifier"))
                .singleElement().asString().contains(reservationsOnly);
    }

    @Test
    void theAvailabilityProjectorSeesOnlyClaimsAndOnlyUpdatesTheTable() {
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("DataTable.*"), "StreamArn")),
                "FilterCriteria", Map.of("Filters", List.of(Map.of("Pattern",
                        "{\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[{\"prefix\":\"CLAIM#\"}]}}}}"))),
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("QueuesStreamFailures.*"), "Arn")))))));
        assertThat(policiesOf("AvailabilityProjector")).contains("dynamodb:UpdateItem", "dynamodb:GetItem",
                "dynamodb:GetRecords").doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query",
                "dynamodb:Scan", "dynamodb:BatchWriteItem");
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
    void leastPrivilegeNoWildcardActionsAndNoDataActionOnEveryResource() {
        assertThat(statements()).isNotEmpty().allSatisfy(statement -> {
            List<String> actions = actions(statement);
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

    /** L7: the account-wide API Gateway logging role is an account setting, not a resource of a stage. */
    @Test
    void noStageOwnsTheAccountsApiGatewaySettings() {
        template.resourceCountIs("AWS::ApiGateway::Account", 0);
    }

    /**
     * B2: no distribution-wide error page, and no viewer-response function (CloudFront runs none on an
     * origin's 4xx): the site's behaviour alone has the viewer-request function that knows the site's
     * paths and answers the others 404 with the site's page; the API's behaviour has only its own.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aMissingPageIsTheSitesNotFoundPageAndTheApisErrorsPassUntouched() {
        Map<String, Object> config = (Map<String, Object>) distribution().get("DistributionConfig");
        assertThat(config).doesNotContainKey("CustomErrorResponses");
        Map<String, Object> site = (Map<String, Object>) config.get("DefaultCacheBehavior");
        assertThat(eventTypes(site)).containsExactly("viewer-request");
        assertThat(functionCode(site)).contains("statusCode: 404").contains("notFound.heading")
                .contains("\"/login.html\":1");
        List<Map<String, Object>> behaviours = (List<Map<String, Object>>) config.get("CacheBehaviors");
        assertThat(behaviours).singleElement().satisfies(api -> {
            assertThat(api).containsEntry("PathPattern", "/api/*");
            assertThat(eventTypes(api)).containsExactly("viewer-request");
            assertThat(functionCode(api)).doesNotContain("statusCode").contains("event.viewer.ip");
        });
        template.resourcePropertiesCountIs("AWS::CloudFront::Function", Map.of("FunctionConfig",
                Match.objectLike(Map.of("Runtime", "cloudfront-js-2.0"))), 2);
    }

    /** The code of the one function associated with {@code behaviour}. */
    @SuppressWarnings("unchecked")
    private static String functionCode(Map<String, Object> behaviour) {
        List<Map<String, Object>> associations = (List<Map<String, Object>>) behaviour.get("FunctionAssociations");
        assertThat(associations).hasSize(1);
        String id = ((List<String>) ((Map<String, Object>) associations.get(0).get("FunctionARN")).get("Fn::GetAtt")).get(0);
        Map<String, Object> function = (Map<String, Object>) template.findResources("AWS::CloudFront::Function").get(id);
        return (String) ((Map<String, Object>) function.get("Properties")).get("FunctionCode");
    }

    /**
     * B2: CloudFront reads the site's bucket and may list it, so that a file the site-pages function
     * knows and the bucket lacks answers S3's 404, not its 403; nothing else, and only for this distribution.
     */
    @Test
    @SuppressWarnings("unchecked")
    void cloudFrontMayReadAndListTheSiteBucket() {
        List<Map<String, Object>> cloudFront = statements("AWS::S3::BucketPolicy").stream()
                .filter(st -> Map.of("Service", "cloudfront.amazonaws.com").equals(st.get("Principal"))).toList();
        assertThat(cloudFront).isNotEmpty().allSatisfy(st -> {
            assertThat(st).containsEntry("Effect", "Allow");
            assertThat((Map<String, Object>) st.get("Condition")).containsOnlyKeys("StringEquals");
            assertThat((Map<String, Object>) ((Map<String, Object>) st.get("Condition")).get("StringEquals"))
                    .containsOnlyKeys("AWS:SourceArn");
        });
        assertThat(cloudFront.stream().map(st -> st.get("Action")).flatMap(action -> action instanceof List<?> list
                ? list.stream() : java.util.stream.Stream.of(action)).map(Object::toString).toList())
                .containsExactlyInAnyOrder("s3:GetObject", "s3:ListBucket");
    }

    /** The 404 the site-pages function makes itself carries what the response headers policy would add. */
    @Test
    @SuppressWarnings("unchecked")
    void theGeneratedNotFoundCarriesThePolicysSecurityHeaders() {
        Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) only(
                "AWS::CloudFront::ResponseHeadersPolicy").get("Properties")).get("ResponseHeadersPolicyConfig");
        Map<String, Object> security = (Map<String, Object>) headers.get("SecurityHeadersConfig");
        Map<String, Object> hsts = (Map<String, Object>) security.get("StrictTransportSecurity");
        assertThat(Website.securityHeaders()).isEqualTo(Map.of(
                "content-security-policy", ((Map<String, Object>) security.get("ContentSecurityPolicy")).get("ContentSecurityPolicy"),
                "x-content-type-options", "nosniff",
                "x-frame-options", ((Map<String, Object>) security.get("FrameOptions")).get("FrameOption"),
                "referrer-policy", ((Map<String, Object>) security.get("ReferrerPolicy")).get("ReferrerPolicy"),
                "strict-transport-security", "max-age=" + hsts.get("AccessControlMaxAgeSec")
                        + (Boolean.TRUE.equals(hsts.get("IncludeSubdomains")) ? "; includeSubDomains" : "")));
        assertThat(security).containsOnlyKeys("ContentSecurityPolicy", "ContentTypeOptions", "FrameOptions",
                "ReferrerPolicy", "StrictTransportSecurity");
    }

    /**
     * L7: the API answers only what came through CloudFront (a web ACL on the stage wants the origin
     * secret CloudFront adds), and refuses a body larger than the intake reads with 413, before Lambda.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theApiIsReachableOnlyThroughCloudFrontAndRefusesOversizeBodies() {
        template.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of(
                "ResourceArn", Match.anyValue(),
                "WebACLArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiFirewall.*"), "Arn"))));
        Map<String, Object> acl = (Map<String, Object>) only("AWS::WAFv2::WebACL").get("Properties");
        assertThat(acl).containsEntry("Scope", "REGIONAL").containsEntry("DefaultAction", Map.of("Allow", Map.of()))
                .containsEntry("AssociationConfig", Map.of("RequestBody",
                        Map.of("API_GATEWAY", Map.of("DefaultSizeInspectionLimit", "KB_64"))));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) acl.get("Rules");
        assertThat(rules).hasSize(2);
        Map<String, Object> onlyThroughCloudFront = rules.get(0);
        assertThat(onlyThroughCloudFront.get("Action").toString()).contains("ResponseCode=403");
        Map<String, Object> byteMatch = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) (
                (Map<String, Object>) onlyThroughCloudFront.get("Statement")).get("NotStatement")).get("Statement"))
                .get("ByteMatchStatement");
        assertThat(byteMatch).containsEntry("FieldToMatch", Map.of("SingleHeader", Map.of("Name", PublicApi.ORIGIN_HEADER)))
                .containsEntry("PositionalConstraint", "EXACTLY");
        Object secret = byteMatch.get("SearchString");
        assertThat(secret.toString()).as("resolved by CloudFormation, never in the template")
                .contains("{{resolve:secretsmanager:").contains("ApiOriginSecret");
        Map<String, Object> bodyTooLarge = rules.get(1);
        assertThat(bodyTooLarge.get("Action").toString()).contains("ResponseCode=413");
        assertThat(bodyTooLarge.get("Statement")).isEqualTo(Map.of("SizeConstraintStatement", Map.of(
                "FieldToMatch", Map.of("Body", Map.of("OversizeHandling", "MATCH")),
                "ComparisonOperator", "GT",
                "Size", com.medicarewizard.intake.http.JsonBody.LIMIT,
                "TextTransformations", List.of(Map.of("Priority", 0, "Type", "NONE")))));
        Map<String, Object> config = (Map<String, Object>) distribution().get("DistributionConfig");
        assertThat((List<Map<String, Object>>) config.get("Origins")).filteredOn(o -> o.containsKey("OriginCustomHeaders"))
                .singleElement().satisfies(api -> assertThat(api.get("OriginCustomHeaders")).isEqualTo(List.of(
                        Map.of("HeaderName", PublicApi.ORIGIN_HEADER, "HeaderValue", secret))));
    }

    /** L7: the intake is told which header holds the client's address, and CloudFront writes it from the viewer. */
    @Test
    void theIntakeKnowsTheClientsAddressFromCloudFront() {
        environmentOf("IntakeFunction", Map.of(IntakeSpec.CLIENT_ADDRESS_HEADER, "True-Client-IP"));
        template.hasResourceProperties("AWS::CloudFront::Function", Map.of("FunctionCode",
                Match.stringLikeRegexp("[\\s\\S]*request\\.headers\\['true-client-ip'\\] = \\{ value: event\\.viewer\\.ip \\}[\\s\\S]*")));
    }

    /** L6: the operator token is a generated secret only the intake may read, named by ARN in its environment. */
    @Test
    @SuppressWarnings("unchecked")
    void theOperatorTokenIsAGeneratedSecretOnlyTheIntakeReads() {
        Map<String, Map<String, Object>> secrets = new java.util.HashMap<>();
        template.findResources("AWS::SecretsManager::Secret").forEach((id, r) -> secrets.put(id, (Map<String, Object>) r));
        String token = secrets.keySet().stream().filter(id -> id.startsWith("FunctionsOperatorToken")).findFirst()
                .orElseThrow();
        Map<String, Object> generated = (Map<String, Object>) ((Map<String, Object>) secrets.get(token).get("Properties"))
                .get("GenerateSecretString");
        assertThat((Integer) generated.get("PasswordLength")).isGreaterThanOrEqualTo(32);
        assertThat(generated).containsEntry("ExcludePunctuation", true);
        environmentOf("IntakeFunction", Map.of(IntakeSpec.OPS_TOKEN_SECRET_ARN, Map.of("Ref", token)));
        List<Map<String, Object>> readers = statements().stream()
                .filter(s -> Map.of("Ref", token).equals(s.get("Resource"))).toList();
        assertThat(readers).singleElement().satisfies(s -> assertThat(s).containsEntry("Action",
                "secretsmanager:GetSecretValue"));
        template.hasResourceProperties("AWS::IAM::Policy", Map.of("Roles",
                List.of(Map.of("Ref", Match.stringLikeRegexp("FunctionsIntakeServiceRole.*"))),
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Resource", Map.of("Ref", token)))))))));
    }

    /** L6: the operator routes reach the intake through API Gateway, as every other route does. */
    @Test
    void theOperatorRoutesAreProxiedToTheIntake() {
        for (String path : List.of("/api/v1/ops/pipeline", "/api/v1/ops/dead-letters", "/api/v1/ops/dead-letters/redrive",
                "/api/v1/ops/notifications/parked", "/api/v1/ops/notifications/parked/{id}/retry")) {
            template.hasResourceProperties("AWS::ApiGateway::RestApi", Map.of("Body", Match.objectLike(Map.of(
                    "paths", Match.objectLike(Map.of(path, Match.objectLike(Map.of(
                            path.endsWith("pipeline") || path.endsWith("dead-letters") || path.endsWith("parked")
                                    ? "get" : "post",
                            Match.objectLike(Map.of("x-amazon-apigateway-integration", Match.objectLike(Map.of(
                                    "type", "aws_proxy",
                                    "uri", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                                            Match.arrayWith(List.of(Match.objectLike(Map.of("Ref",
                                                    Match.stringLikeRegexp("FunctionsIntakeLive.*")))))))))))))))))))));
        }
    }

    /** B3: the intake and pipeline-metrics read the notifier's IteratorAge from CloudWatch. */
    @Test
    void theStreamLagReadersKnowTheNotifierAndMayReadMetrics() {
        for (String function : List.of("IntakeFunction", "PipelineMetricsFunction")) {
            environmentOf(function, Map.of(IntakeSpec.NOTIFIER_FUNCTION_NAME,
                    Map.of("Ref", Match.stringLikeRegexp("FunctionsNotifier[0-9A-F]+"))));
        }
        assertThat(statements()).filteredOn(s -> "cloudwatch:GetMetricData".equals(s.get("Action"))).hasSize(2);
    }

    /** L3: in the SES sandbox recipients are identities too, so the grant is on the account's identities. */
    @Test
    void mailMaySendToTheAccountsVerifiedIdentities() {
        assertThat(statements()).filteredOn(s -> s.get("Action").toString().contains("ses:SendEmail"))
                .isNotEmpty().allSatisfy(s -> assertThat(s.get("Resource").toString()).contains(":identity/*"));
    }

    /**
     * Reminders (docs/adr/0018): one schedule group; a role only EventBridge Scheduler may assume, allowed to
     * invoke the reminder function's live alias and nothing else; the notifier may create and delete the
     * group's schedules (no update, no other group) and pass that role, to Scheduler only, and is told the
     * group, the target and the role.
     */
    @Test
    void theNotifierKeepsOneTimeSchedulesThatInvokeTheReminderFunctionAsARoleOfTheirOwn() {
        template.resourceCountIs("AWS::Scheduler::ScheduleGroup", 1);
        template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
                Map.of("Statement", List.of(Map.of("Action", "sts:AssumeRole", "Effect", "Allow",
                        "Principal", Map.of("Service", "scheduler.amazonaws.com")))))));
        assertThat(actionsOn("RemindersSchedulerRole", "FunctionsReminder")).containsExactly("lambda:InvokeFunction");
        assertThat(policiesOf("RemindersSchedulerRole")).doesNotContain("dynamodb:", "sns:", "ses:", "sqs:");
        assertThat(actionsOn("Notifier", "RemindersGroup")).containsExactlyInAnyOrder("scheduler:CreateSchedule",
                "scheduler:DeleteSchedule");
        assertThat(policiesOf("Notifier")).doesNotContain("scheduler:UpdateSchedule");
        assertThat(actionsOn("Notifier", "RemindersSchedulerRole")).containsExactly("iam:PassRole");
        assertThat(statements()).filteredOn(s -> "iam:PassRole".equals(s.get("Action"))).singleElement()
                .satisfies(s -> assertThat(s.get("Condition")).isEqualTo(Map.of("StringEquals",
                        Map.of("iam:PassedToService", "scheduler.amazonaws.com"))));
        environmentOf("NotifierFunction", Map.of(
                "MCW_REMINDER_SCHEDULE_GROUP", Map.of("Ref", Match.stringLikeRegexp("FunctionsRemindersGroup[0-9A-F]+")),
                "MCW_REMINDER_FUNCTION_ARN", Map.of("Ref", Match.stringLikeRegexp("FunctionsReminderLive[0-9A-F]+")),
                "MCW_REMINDER_SCHEDULER_ROLE_ARN", Match.objectLike(Map.of("Fn::GetAtt",
                        Match.arrayWith(List.of(Match.stringLikeRegexp("FunctionsRemindersSchedulerRole[0-9A-F]+")))))));
        assertThat(policiesOf("Reminder")).contains("ses:SendEmail").contains("sns:Publish");
    }

    /**
     * The waitlist: the notifier queues each offer it makes (DECIDE) and the reminder function each lapse
     * (CANCEL) on the reservation queue, told where it is — sending there and nothing more (no figures, no
     * dead letters) — and write the offers and the waitlist's entries in the table; the retrier of parked
     * notifications queues nothing. The roles are named by their functions' construct ids: "Reminder" alone
     * would also match the reminders' Scheduler role.
     */
    @Test
    void theNotifierAndTheReminderFunctionMaySendToTheReservationQueueAndWriteTheWaitlist() {
        Map<String, String> roles = Map.of("NotifierFunction", "FunctionsNotifierServiceRole",
                "ReminderFunction", "FunctionsReminderServiceRole");
        roles.forEach((entry, role) -> {
            assertThat(actionsOn(role, "QueuesRequests")).as(role).containsExactly("sqs:SendMessage");
            assertThat(actionsOn(role, "QueuesDeadLetters")).as(role).isEmpty();
            assertThat(actionsOn(role, "DataTable")).as(role).contains("dynamodb:GetItem", "dynamodb:Query",
                    "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
            environmentOf(entry, Map.of("MCW_QUEUE_URL", Map.of("Ref", Match.stringLikeRegexp("QueuesRequests[0-9A-F]+"))));
        });
        assertThat(actionsOn("FunctionsParkedRetryServiceRole", "QueuesRequests")).isEmpty();
    }

    private static void environmentOf(String entry, Map<String, Object> variables) {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", Match.stringLikeRegexp(".*\\." + entry + "::handleRequest"),
                "Environment", Map.of("Variables", Match.objectLike(variables)))));
    }

    private static List<Map<String, Object>> statements() {
        return statements("AWS::IAM::Policy");
    }

    /** The statements of every policy of {@code type} (IAM policies, bucket policies). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(String type) {
        List<Map<String, Object>> statements = new ArrayList<>();
        template.findResources(type).values().forEach(policy -> statements.addAll(
                (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) policy)
                        .get("Properties")).get("PolicyDocument")).get("Statement")));
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> only(String type) {
        Map<String, Map<String, Object>> resources = template.findResources(type);
        assertThat(resources).hasSize(1);
        return (Map<String, Object>) resources.values().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> distribution() {
        return (Map<String, Object>) only("AWS::CloudFront::Distribution").get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventTypes(Map<String, Object> behaviour) {
        return ((List<Map<String, Object>>) behaviour.getOrDefault("FunctionAssociations", List.of())).stream()
                .map(a -> (String) a.get("EventType")).toList();
    }
}
