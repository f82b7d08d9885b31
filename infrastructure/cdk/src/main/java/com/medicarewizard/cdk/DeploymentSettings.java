package com.medicarewizard.cdk;

import java.nio.file.Path;
import java.util.Objects;
import software.amazon.awscdk.App;

/**
 * What a deployment is made of, from the CDK context ({@code cdk deploy -c stage=prod …}): the
 * stage (part of every name), the domain the e-mail comes from (an SES identity), the website's
 * address as patients and staff reach it ({@code publicUrl}: links in e-mails point there; by default
 * {@code https://<mailDomain>}; CloudFront's own domain is only known after the deployment, and the
 * functions cannot wait for it), and where the function jars, the website and the OpenAPI document are. No account id: the account and the
 * region are the CLI's ({@code CDK_DEFAULT_ACCOUNT}, {@code CDK_DEFAULT_REGION}, or {@code -c region=…}).
 */
public record DeploymentSettings(String stage, String mailDomain, String publicUrl, Path lambdaJars, Path webSite,
                                 Path openApi) {

    public DeploymentSettings {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(mailDomain, "mail domain");
        Objects.requireNonNull(publicUrl, "public url");
        if (!publicUrl.matches("https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^?#]*)?")) {
            throw new IllegalArgumentException("publicUrl must be an https address such as https://booking.example.org");
        }
        if (!stage.matches("[a-z][a-z0-9-]{0,15}")) {
            throw new IllegalArgumentException("stage must be lower-case letters, digits and dashes, e.g. prod");
        }
    }

    public static DeploymentSettings fromContext(App app) {
        String mailDomain = context(app, "mailDomain", "medicarewizard.example");
        return new DeploymentSettings(
                context(app, "stage", "dev"),
                mailDomain,
                context(app, "publicUrl", "https://" + mailDomain),
                Path.of(context(app, "lambdaJars", "../lambda/target")),
                Path.of(context(app, "webSite", "../../web/target/classes/web")),
                Path.of(context(app, "openApi", "../../api-edge/src/main/resources/openapi/medicarewizard-v1.yaml")));
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString();
    }

    /** {@code medicarewizard-<stage>-<what>}, for the few names people read (log groups, alarms). */
    public String name(String what) {
        return "medicarewizard-" + stage + "-" + what;
    }

    public Path jar(String function) {
        return lambdaJars.resolve(function + ".jar");
    }

    public String mailFrom() {
        return "no-reply@" + mailDomain;
    }
}
