package com.medicarewizard.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.services.apigateway.ApiDefinition;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.SpecRestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * The REST API built from the OpenAPI document (the one the local gateway serves and the tests
 * check), every operation a proxy integration of the intake's {@code live} alias, throttled per
 * stage. Patients' bearer tokens are checked by the intake itself against the session items (see
 * docs/adr/0004): the document's authorizer declarations are left out here, so no second function
 * runs, and is paid for, on every authenticated call.
 *
 * <p>Its only way in is the website's CloudFront distribution ({@code /api/*}): an AWS WAF web ACL on
 * the stage refuses (403) every request without the header {@value #ORIGIN_HEADER} that CloudFront adds
 * with a generated secret, so the raw {@code execute-api} URL answers nobody. That is what lets the
 * intake trust the client address CloudFront writes (docs/operations.md, "The client address"), and
 * why every {@code Location} the intake writes is right as it is: the API's paths are the site's
 * paths, with no stage prefix. The same web ACL refuses a body larger than the intake reads
 * ({@value #MAX_BODY_BYTES} bytes) with 413 before Lambda is invoked: API Gateway takes up to 10 MB,
 * Lambda's payload stops at 6 MB, and between the two the client would get a 5xx.
 */
final class PublicApi extends Construct {

    /** Steady requests per second and burst across the stage; far above the original system's 20/s. */
    static final double RATE_LIMIT = 200;
    static final int BURST_LIMIT = 400;
    /** The header CloudFront adds to every request to the API, with the origin secret as its value. */
    static final String ORIGIN_HEADER = "x-origin-verify";
    /**
     * The largest body the intake reads ({@code JsonBody.LIMIT} of intake-function, as the local gateway
     * refuses beyond it too); every request of the API fits in a few hundred bytes.
     */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * How much of a body WAF sees on API Gateway: by default 16 KB, a rule on the size of a larger body
     * only sees that it is larger than that. 64 KB (extra WAF processing fees) lets the rule hold at
     * {@link #MAX_BODY_BYTES}, the local gateway's limit; a body beyond it is "oversize" and matches.
     */
    static final String BODY_INSPECTION_LIMIT = "KB_64";
    private final SpecRestApi api;
    private final Secret originSecret;

    PublicApi(Construct scope, String id, DeploymentSettings settings, Alias intake) {
        super(scope, id);
        String invocation = "arn:" + Aws.PARTITION + ":apigateway:" + Aws.REGION
                + ":lambda:path/2015-03-31/functions/" + intake.getFunctionArn() + "/invocations";
        api = SpecRestApi.Builder.create(this, "Rest")
                .apiDefinition(ApiDefinition.fromInline(OpenApiDocument.forGateway(settings.openApi(), invocation)))
                .endpointTypes(List.of(EndpointType.REGIONAL))
                // The role API Gateway logs to CloudWatch with is one setting of the account and region
                // (AWS::ApiGateway::Account): a stack that owned it would overwrite every other API's, and
                // deleting any stage would take it away. It is set once per account (README, "Deploy to AWS").
                .cloudWatchRole(false)
                .deployOptions(StageOptions.builder()
                        .stageName(settings.stage())
                        .throttlingRateLimit(RATE_LIMIT)
                        .throttlingBurstLimit(BURST_LIMIT)
                        .metricsEnabled(true)
                        .loggingLevel(MethodLoggingLevel.ERROR)
                        .build())
                .build();
        intake.addPermission("InvokedByApi", Permission.builder()
                .principal(new ServicePrincipal("apigateway.amazonaws.com"))
                .sourceArn(api.arnForExecuteApi())
                .build());
        originSecret = Secret.Builder.create(this, "OriginSecret")
                .description("Value of the " + ORIGIN_HEADER + " header CloudFront adds to every API request")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(48).excludePunctuation(true).includeSpace(false).build())
                .build();
        CfnWebACL firewall = CfnWebACL.Builder.create(this, "Firewall")
                .name(settings.name("api"))
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .associationConfig(CfnWebACL.AssociationConfigProperty.builder()
                        .requestBody(Map.of("API_GATEWAY", CfnWebACL.RequestBodyAssociatedResourceTypeConfigProperty
                                .builder().defaultSizeInspectionLimit(BODY_INSPECTION_LIMIT).build()))
                        .build())
                .customResponseBodies(Map.of(
                        "forbidden", problem("forbidden", 403, "Forbidden", "FORBIDDEN",
                                "This API is served through the website only."),
                        "payload-too-large", problem("payload-too-large", 413, "Payload Too Large", "PAYLOAD_TOO_LARGE",
                                "The request body exceeds " + MAX_BODY_BYTES + " bytes.")))
                .rules(List.of(
                        rule("OnlyThroughCloudFront", 0, 403, "forbidden", CfnWebACL.StatementProperty.builder()
                                .notStatement(CfnWebACL.NotStatementProperty.builder()
                                        .statement(CfnWebACL.StatementProperty.builder()
                                                .byteMatchStatement(CfnWebACL.ByteMatchStatementProperty.builder()
                                                        .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder()
                                                                .singleHeader(Map.of("Name", ORIGIN_HEADER)).build())
                                                        .positionalConstraint("EXACTLY")
                                                        .searchString(originSecret().unsafeUnwrap())
                                                        .textTransformations(asIs())
                                                        .build())
                                                .build())
                                        .build())
                                .build()),
                        rule("BodyTooLarge", 1, 413, "payload-too-large", CfnWebACL.StatementProperty.builder()
                                .sizeConstraintStatement(CfnWebACL.SizeConstraintStatementProperty.builder()
                                        .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder()
                                                .body(CfnWebACL.BodyProperty.builder().oversizeHandling("MATCH").build())
                                                .build())
                                        .comparisonOperator("GT")
                                        .size(MAX_BODY_BYTES)
                                        .textTransformations(asIs())
                                        .build())
                                .build())))
                .visibilityConfig(visibility("api"))
                .build();
        CfnWebACLAssociation.Builder.create(this, "FirewallOnStage")
                .resourceArn(api.getDeploymentStage().getStageArn())
                .webAclArn(firewall.getAttrArn())
                .build();
    }

    /**
     * The origin secret as CloudFormation resolves it at deployment ({@code {{resolve:secretsmanager:…}}}):
     * the template holds the reference, never the value.
     */
    SecretValue originSecret() {
        return originSecret.getSecretValue();
    }

    private static CfnWebACL.RuleProperty rule(String name, int priority, int status, String body,
                                              CfnWebACL.StatementProperty statement) {
        return CfnWebACL.RuleProperty.builder()
                .name(name)
                .priority(priority)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder()
                                .customResponse(CfnWebACL.CustomResponseProperty.builder()
                                        .responseCode(status).customResponseBodyKey(body).build())
                                .build())
                        .build())
                .statement(statement)
                .visibilityConfig(visibility(name))
                .build();
    }

    /** A problem+json body as the intake writes one (WAF's content types stop at {@code application/json}). */
    private static CfnWebACL.CustomResponseBodyProperty problem(String slug, int status, String title, String code,
                                                                String detail) {
        return CfnWebACL.CustomResponseBodyProperty.builder()
                .contentType("APPLICATION_JSON")
                .content("{\"type\":\"/problems/" + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}")
                .build();
    }

    private static List<CfnWebACL.TextTransformationProperty> asIs() {
        return List.of(CfnWebACL.TextTransformationProperty.builder().priority(0).type("NONE").build());
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true).metricName(metric).sampledRequestsEnabled(true).build();
    }

    SpecRestApi api() {
        return api;
    }
}
