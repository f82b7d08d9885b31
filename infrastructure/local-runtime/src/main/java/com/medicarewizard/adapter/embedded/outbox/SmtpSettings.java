package com.medicarewizard.adapter.embedded.outbox;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where local e-mail goes besides the outbox: an SMTP server ({@code MCW_SMTP_HOST}, port
 * {@code MCW_SMTP_PORT}, optional {@code MCW_SMTP_USERNAME}/{@code MCW_SMTP_PASSWORD}, sender
 * {@code MCW_SMTP_FROM}) reached as {@code MCW_SMTP_TLS} says (see {@link Security}). The password
 * is never shown by {@link #toString()}.
 */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password, String from,
                           Security security) {
    public static final String DEFAULT_FROM = "MediCareWizard <no-reply@medicarewizard.localhost>";
    private static final Pattern LOOPBACK = Pattern.compile(
            "localhost|.+\\.localhost|127(\\.\\d{1,3}){3}|::1|\\[::1]|0:0:0:0:0:0:0:1", Pattern.CASE_INSENSITIVE);

    /**
     * How the connection is protected. Mail carries patients' names and appointments, so a server
     * other than this machine gets it only over TLS: {@code starttls} by default, and a server
     * that does not offer STARTTLS gets nothing (no silent fall back to plain text).
     */
    public enum Security {
        /** Plain SMTP: the default only for a server on this machine (loopback). */
        NONE,
        /** Plain connection upgraded with STARTTLS, required: the default for any other server. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        TLS;

        static Security parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "starttls" -> STARTTLS;
                case "tls" -> TLS;
                default -> throw new IllegalArgumentException("MCW_SMTP_TLS must be starttls, tls or none");
            };
        }

        static Security defaultFor(String host) {
            return isLoopback(host) ? NONE : STARTTLS;
        }

        int defaultPort() {
            return this == TLS ? 465 : 25;
        }
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(security, "security");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("MCW_SMTP_HOST must be a host and MCW_SMTP_PORT a port number");
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("MCW_SMTP_USERNAME and MCW_SMTP_PASSWORD go together");
        }
        if (security == Security.NONE && username.isPresent() && !isLoopback(host)) {
            throw new IllegalArgumentException("MCW_SMTP_TLS=none would send the SMTP password in clear to "
                    + "another machine: use starttls or tls");
        }
    }

    /** Settings with the protection the host gets by default (none on loopback, STARTTLS elsewhere). */
    public SmtpSettings(String host, int port, Optional<String> username, Optional<String> password, String from) {
        this(host, port, username, password, from, Security.defaultFor(host));
    }

    /** Empty when {@code MCW_SMTP_HOST} is not set: e-mail then only goes to the outbox. */
    public static Optional<SmtpSettings> fromEnvironment(Map<String, String> env) {
        Optional<String> host = value(env, "MCW_SMTP_HOST");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        Security security = value(env, "MCW_SMTP_TLS").map(Security::parse).orElse(Security.defaultFor(host.get()));
        int port;
        try {
            port = value(env, "MCW_SMTP_PORT").map(Integer::parseInt).orElse(security.defaultPort());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MCW_SMTP_PORT must be a port number");
        }
        return Optional.of(new SmtpSettings(host.get(), port, value(env, "MCW_SMTP_USERNAME"),
                value(env, "MCW_SMTP_PASSWORD"), value(env, "MCW_SMTP_FROM").orElse(DEFAULT_FROM), security));
    }

    /** A name or address of this machine, told without asking DNS (a name that resolves to it is not enough). */
    static boolean isLoopback(String host) {
        return LOOPBACK.matcher(host.strip()).matches();
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security.name().toLowerCase(Locale.ROOT)
                + (username.isPresent() ? ", authenticated" : "") + "]";
    }
}
