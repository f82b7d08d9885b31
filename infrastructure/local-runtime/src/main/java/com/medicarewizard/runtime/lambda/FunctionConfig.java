package com.medicarewizard.runtime.lambda;

import com.medicarewizard.functions.FunctionSpec;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A function's configuration as Lambda holds it.
 *
 * @param name the function name
 * @param version the published version, {@code $LATEST} when unpublished
 * @param timeout the invocation timeout the runtime enforces (1 s .. 15 min)
 * @param memoryMb the configured memory (128 .. 10240 MB)
 * @param logStreamName the log stream of this "container"
 */
public record FunctionConfig(String name, String version, Duration timeout, int memoryMb,
                             String logStreamName) {

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(logStreamName, "logStreamName");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("timeout must be within (0, 15 min]");
        }
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("memory must be within 128..10240 MB");
        }
    }

    /** The function as its spec defines it for the embedded runtime. */
    public static FunctionConfig of(FunctionSpec spec) {
        return of(spec.name(), spec.timeout().local(), spec.memoryMb());
    }

    /**
     * An unpublished function with a fresh log stream. Sub-second timeouts are allowed here
     * (Lambda's minimum is 1 s) so that runtime tests stay fast.
     */
    public static FunctionConfig of(String name, Duration timeout, int memoryMb) {
        String stream = LocalDate.now() + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
        return new FunctionConfig(name, "$LATEST", timeout, memoryMb, stream);
    }
}
