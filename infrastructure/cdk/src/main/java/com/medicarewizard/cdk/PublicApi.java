package com.medicarewizard.cdk;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.apigateway.ApiDefinition;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.SpecRestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Permission;
import software.constructs.Construct;

/**
 * The REST API built from the OpenAPI document (the one the local gateway serves and the tests
 * check), every operation a proxy integration of the intake's {@code live} alias, throttled per
 * stage. Patients' bearer tokens are checked by the intake itself against the session items (see
 * docs/adr/0004): the document's authorizer declarations are left out here, so no second function
 * runs, and is paid for, on every authenticated call.
 */
final class PublicApi extends Construct {

    /** Steady requests per second and burst across the stage; far above the original system's 20/s. */
    static final double RATE_LIMIT = 200;
    static final int BURST_LIMIT = 400;
    private final SpecRestApi api;

    PublicApi(Construct scope, String id, DeploymentSettings settings, Alias intake) {
        super(scope, id);
        String invocation = "arn:" + Aws.PARTITION + ":apigateway:" + Aws.REGION
                + ":lambda:path/2015-03-31/functions/" + intake.getFunctionArn() + "/invocations";
        api = SpecRestApi.Builder.create(this, "Rest")
                .apiDefinition(ApiDefinition.fromInline(OpenApiDocument.forGateway(settings.openApi(), invocation)))
                .endpointTypes(List.of(EndpointType.REGIONAL))
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
    }

    SpecRestApi api() {
        return api;
    }
}
