package com.medicarewizard.lambda.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.functions.AbuseLimits;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The IT's environment keeps up with the stack: every variable the CDK's {@code Functions} sets
 * (a string literal {@code "MCW_…"} or an {@link AbuseLimits} name) is set by {@link DeployedEnvironment}.
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
        if (source.contains("AbuseLimits.ACTIVE_BOOKINGS")) {
            names.add(AbuseLimits.ACTIVE_BOOKINGS);
        }
        if (source.contains("AbuseLimits.MESSAGES_PER_HOUR")) {
            names.add(AbuseLimits.MESSAGES_PER_HOUR);
        }
        assertThat(names).as("variables found in " + STACK_FUNCTIONS).contains("MCW_TABLE_NAME", "MCW_QUEUE_URL");
        return names;
    }
}
