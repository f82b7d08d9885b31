package com.medicarewizard.cdk;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** The stack of stage {@code test}, synthesized once for every test class (offline: jsii runs on node). */
final class SynthesizedStack {

    private static Template template;

    private SynthesizedStack() {
    }

    static synchronized Template template() {
        if (template == null) {
            App app = new App();
            MediCareWizardStack stack = new MediCareWizardStack(app, "MediCareWizard-test", StackProps.builder()
                    .env(Environment.builder().region("eu-south-1").build()).build(), settings());
            template = Template.fromStack(stack);
            write(template);
        }
        return template;
    }

    /** What the stack is synthesized from. */
    static DeploymentSettings settings() {
        return new DeploymentSettings("test", "medicarewizard.example", "https://booking.medicarewizard.example",
                Path.of(System.getProperty("mcw.lambda.jars", "../lambda/target")),
                Path.of(System.getProperty("mcw.web.site", "../../web/target/classes/web")),
                Path.of(System.getProperty("mcw.openapi",
                        "../../api-edge/src/main/resources/openapi/medicarewizard-v1.yaml")));
    }

    /** For a reader of a failed assertion: the whole template, as the tests saw it. */
    private static void write(Template template) {
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("synthesized-template.json"),
                        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(template.toJSON()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
