package com.medicarewizard.functions;

import java.util.Objects;

/**
 * One setting's value in AWS and in the embedded runtime, side by side. The two are equal unless the
 * constant in {@link FunctionSpecs} that declares them says why they cannot be.
 *
 * @param aws   what the CDK stack deploys and the Lambda entries default to
 * @param local what the embedded runtime uses
 */
public record PerRuntime<T>(T aws, T local) {

    public PerRuntime {
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(local, "local");
    }

    /** The same value in both runtimes: the rule, not the exception. */
    public static <T> PerRuntime<T> both(T value) {
        return new PerRuntime<>(value, value);
    }

    public boolean differs() {
        return !aws.equals(local);
    }
}
