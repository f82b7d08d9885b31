package com.medicarewizard.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.functions.FunctionSpec;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.lambda.pipeline.DeployedEnvironment;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * AwsPipelineIT runs each entry with the environment {@link DeployedEnvironment} builds for it, by
 * hand; this holds that environment to the synthesized template, function by function: the same
 * variables, none more and none fewer, and the same value for each the template gives literally (limits,
 * periods, header names, the sender). A value the stack references (the table, a queue, the bus, a
 * secret, the notifier's name) is the local stand-in's in the IT, so only its name is compared.
 * {@code AWS_REGION} is Lambda's own (reserved: a template cannot set it), and the IT's local
 * endpoints ({@code MCW_<SERVICE>_ENDPOINT}) are left out here by giving it none.
 */
class ItEnvironmentTest {

    /** Each function's environment in the IT. */
    private static final Map<String, Function<DeployedEnvironment, Map<String, String>>> IN_THE_IT = Map.of(
            FunctionSpecs.INTAKE.function().name(), DeployedEnvironment::intake,
            FunctionSpecs.ALLOCATOR.function().name(), DeployedEnvironment::allocator,
            FunctionSpecs.SWEEPER.function().name(), DeployedEnvironment::sweeper,
            FunctionSpecs.NOTIFIER.function().name(), DeployedEnvironment::notifier,
            FunctionSpecs.PARKED_RETRY.function().name(), DeployedEnvironment::messaging,
            FunctionSpecs.REMINDER.function().name(), DeployedEnvironment::messaging,
            FunctionSpecs.PIPELINE_METRICS.function().name(), DeployedEnvironment::pipelineMetrics,
            FunctionSpecs.AVAILABILITY_PROJECTOR.function().name(), DeployedEnvironment::availabilityProjector);
    private static final String SET_BY_LAMBDA = "AWS_REGION";

    @Test
    void everyFunctionHasInTheItExactlyTheVariablesAndLiteralValuesOfTheTemplate() {
        DeployedEnvironment it = new DeployedEnvironment("eu-south-1", "table", "queue-url", "dead-letter-url", "bus",
                SynthesizedStack.settings().mailFrom(), "secret-arn", Map.of());
        Map<String, Map<String, Object>> deployed = deployedEnvironments();
        assertThat(IN_THE_IT).as("every function of FunctionSpecs has its environment in the IT")
                .hasSameSizeAs(FunctionSpecs.all());
        SoftAssertions.assertSoftly(softly -> {
            for (FunctionSpec spec : FunctionSpecs.all()) {
                Map<String, String> local = new HashMap<>(IN_THE_IT.get(spec.name()).apply(it));
                softly.assertThat(local.remove(SET_BY_LAMBDA)).as("%s: Lambda's region", spec.name())
                        .isEqualTo("eu-south-1");
                Map<String, Object> stack = deployed.getOrDefault(spec.handler() + "::handleRequest", Map.of());
                softly.assertThat(local.keySet()).as("%s: the IT's variables against the template's", spec.name())
                        .containsExactlyInAnyOrderElementsOf(stack.keySet());
                stack.forEach((name, value) -> {
                    if (value instanceof String literal) {
                        softly.assertThat(local.get(name)).as("%s: %s", spec.name(), name).isEqualTo(literal);
                    }
                });
            }
        });
    }

    /** Environment.Variables of each of our functions, by handler. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> deployedEnvironments() {
        Map<String, Map<String, Object>> environments = new HashMap<>();
        SynthesizedStack.template().findResources("AWS::Lambda::Function", Map.of("Properties",
                Map.of("Runtime", "java21"))).values().forEach(resource -> {
                    Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
                    environments.put((String) properties.get("Handler"), (Map<String, Object>) ((Map<String, Object>)
                            properties.get("Environment")).get("Variables"));
                });
        return environments;
    }
}
