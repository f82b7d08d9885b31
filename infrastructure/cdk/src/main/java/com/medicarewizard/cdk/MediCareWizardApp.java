package com.medicarewizard.cdk;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app: one stack per stage. */
public final class MediCareWizardApp {

    private MediCareWizardApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        DeploymentSettings settings = DeploymentSettings.fromContext(app);
        Object region = app.getNode().tryGetContext("region");
        new MediCareWizardStack(app, "MediCareWizard-" + settings.stage(), StackProps.builder()
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(region != null ? region.toString() : System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .description("MediCareWizard booking pipeline (" + settings.stage() + ")")
                .build(), settings);
        app.synth();
    }
}
