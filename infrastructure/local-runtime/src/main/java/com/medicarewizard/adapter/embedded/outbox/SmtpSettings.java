package com.medicarewizard.adapter.embedded.outbox;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where local e-mail goes besides the outbox: an SMTP server ({@code MCW_SMTP_HOST}, port
 * {@code MCW_SMTP_PORT} default 25, optional {@code MCW_SMTP_USERNAME}/{@code MCW_SMTP_PASSWORD},
 * sender {@code MCW_SMTP_FROM}). The password is never shown by {@link #toString()}.
 */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password, String from) {
    public static final String DEFAULT_FROM = "MediCareWizard <no-reply@medicarewizard.localhost>";

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("MCW_SMTP_HOST must be a host and MCW_SMTP_PORT a port number");
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("MCW_SMTP_USERNAME and MCW_SMTP_PASSWORD go together");
        }
    }

    /** Empty when {@code MCW_SMTP_HOST} is not set: e-mail then only goes to the outbox. */
    public static Optional<SmtpSettings> fromEnvironment(Map<String, String> env) {
        Optional<String> host = value(env, "MCW_SMTP_HOST");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port;
        try {
            port = value(env, "MCW_SMTP_PORT").map(Integer::parseInt).orElse(25);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MCW_SMTP_PORT must be a port number");
        }
        return Optional.of(new SmtpSettings(host.get(), port, value(env, "MCW_SMTP_USERNAME"),
                value(env, "MCW_SMTP_PASSWORD"), value(env, "MCW_SMTP_FROM").orElse(DEFAULT_FROM)));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + (username.isPresent() ? ", authenticated" : "") + "]";
    }
}
