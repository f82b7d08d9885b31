package com.medicarewizard.cdk;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The whole pipeline of one stage: table, queues, functions, API, website, events and the
 * operators' dashboard and alarms — one construct per concern.
 */
public final class MediCareWizardStack extends Stack {

    public MediCareWizardStack(Construct scope, String id, StackProps props, DeploymentSettings settings) {
        super(scope, id, props);
        DataTable table = new DataTable(this, "Data");
        ReservationQueues queues = new ReservationQueues(this, "Queues");
        Messaging messaging = new Messaging(this, "Messaging", settings);
        Functions functions = new Functions(this, "Functions", settings, table, queues, messaging);
        PublicApi api = new PublicApi(this, "Api", settings, functions.intake());
        Website website = new Website(this, "Website", settings, api);
        new Monitoring(this, "Monitoring", settings, queues, functions, api);
        CfnOutput.Builder.create(this, "WebsiteUrl").value("https://" + website.domainName()).build();
        // the API's one way in (its execute-api URL refuses whatever did not come through CloudFront)
        CfnOutput.Builder.create(this, "ApiUrl").value("https://" + website.domainName() + "/api/v1/").build();
        CfnOutput.Builder.create(this, "OperatorTokenSecret").value(functions.operatorToken().getSecretArn())
                .description("aws secretsmanager get-secret-value --secret-id <this> --query SecretString").build();
    }
}
