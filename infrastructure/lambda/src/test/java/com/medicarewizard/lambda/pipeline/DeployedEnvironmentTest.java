package com.medicarewizard.lambda.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.functions.AbuseLimits;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The IT's environment keeps up with the stack: every variable the CDK's {@code Functions} sets
 * (a string literal {@code "MCW_…"} or a constant of the specs naming one, such as {@link AbuseLimits#ACTIVE_BOOKINGS}) is set by {@link DeployedEnvironment}.
 * The CDK module builds after this one (it packages these jars), so its source is read, not its template.
 */
class DeployedEnvironmentTest {

    private static final Path STACK_FUNCTIONS = Path.of("../cdk/src/main/java/com/medicarewizard/cdk/Functions.java");

    @Test
    void everyVariableTheStackSetsIsSetHere() throws IOException {
        DeployedEnvironment env = new DeployedEnvironment("eu-south-1", "t", "q", "d", "b", "m", "s",
                Map.of("SNS", URI.create("http://127.0.0.1:1")));
        Set<String> here = new HashSet<>();
        for (Map<String, String> function : new Map[] {env.intake(), env.allocator(), env.sweeper(), env.notifier(),
                env.pipelineMetrics()}) {
            here.addAll(function.keySet());
        }
        assertThat(here).containsAll(stackVariables());
    }

    private static Set<String> stackVariables() throws IOException {
        String source = Files.readString(STACK_FUNCTIONS);
        Set<String> names = new HashSet<>();
        Matcher literal = Pattern.compile("\"(MCW_[A-Z0-9_]+|JAVA_TOOL_OPTIONS)\"").matcher(source);
        while (literal.find()) {
            names.add(literal.group(1));
        }
        // a variable named by a constant of the specs (IntakeSpec.OPS_TOKEN_SECRET_ARN, AbuseLimits.ACTIVE_BOOKINGS…)
        Matcher constant = Pattern.compile("\\b([A-Z][A-Za-z]*)\\.([A-Z][A-Z0-9_]*)\\b").matcher(source);
        while (constant.find()) {
            specConstant(constant.group(1), constant.group(2)).filter(v -> v.startsWith("MCW_")).ifPresent(names::add);
        }
        assertThat(names).as("variables found in " + STACK_FUNCTIONS).contains("MCW_TABLE_NAME", "MCW_QUEUE_URL",
                AbuseLimits.ACTIVE_BOOKINGS);
        return names;
    }

    /** The value of a String constant of a class of {@code com.medicarewizard.functions}, if it is one. */
    private static Optional<String> specConstant(String className, String field) {
        try {
            Object value = Class.forName(AbuseLimits.class.getPackageName() + "." + className).getField(field).get(null);
            return value instanceof String text ? Optional.of(text) : Optional.empty();
        } catch (ReflectiveOperationException notOne) {
            return Optional.empty();
        }
    }
}
