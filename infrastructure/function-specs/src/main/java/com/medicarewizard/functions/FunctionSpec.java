package com.medicarewizard.functions;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A function as Lambda runs it and as the embedded runtime plays it.
 *
 * @param name                lower-case words joined by dashes ({@code parked-retry}); the embedded
 *                            runtime's function name and, in PascalCase, the CDK construct's id
 * @param artifact            the shaded jar of {@code infrastructure/lambda} holding the entry
 *                            ({@code intake}, {@code allocator} or {@code notifier})
 * @param handler             the entry class, whose {@code handleRequest} Lambda calls
 * @param memoryMb            the memory Lambda gives it (128..10240 MB); locally only reported in the Context
 * @param timeout             the invocation timeout (1 s..15 min)
 * @param reservedConcurrency how many invocations may run at once, when capped
 */
public record FunctionSpec(String name, String artifact, String handler, int memoryMb,
                           PerRuntime<Duration> timeout, OptionalInt reservedConcurrency) {

    private static final Duration LONGEST = Duration.ofMinutes(15);

    public FunctionSpec {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(reservedConcurrency, "reserved concurrency");
        if (!name.matches("[a-z]+(-[a-z]+)*") || !artifact.matches("[a-z]+")) {
            throw new IllegalArgumentException("names are lower-case words joined by dashes: " + name + ", " + artifact);
        }
        if (!handler.startsWith("com.medicarewizard.lambda." + artifact + ".")) {
            throw new IllegalArgumentException(handler + " is not in the " + artifact + " artifact's package");
        }
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("memory must be within 128..10240 MB");
        }
        if (!within(timeout.aws()) || !within(timeout.local())) {
            throw new IllegalArgumentException("a timeout must be within 1 s..15 min");
        }
    }

    /** An uncapped function. */
    public FunctionSpec(String name, String artifact, String handler, int memoryMb, PerRuntime<Duration> timeout) {
        this(name, artifact, handler, memoryMb, timeout, OptionalInt.empty());
    }

    private static boolean within(Duration timeout) {
        return timeout.compareTo(Duration.ofSeconds(1)) >= 0 && timeout.compareTo(LONGEST) <= 0;
    }
}
