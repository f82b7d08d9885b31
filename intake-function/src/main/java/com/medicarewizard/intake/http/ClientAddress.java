package com.medicarewizard.intake.http;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address, which the limits per address (registrations, log-ins) count by. API
 * Gateway's {@code sourceIp} is the address of the connection it received: behind CloudFront, an
 * edge server shared by every patient near it. Where a proxy the API trusts writes the client's
 * address into a header — in AWS CloudFront, into {@code True-Client-IP}, the API being reachable
 * only through it (docs/operations.md, "The client address in AWS") — that header is read, if its
 * value is an IP address; otherwise the address is {@code sourceIp}. {@code X-Forwarded-For} is
 * never read: its first entries are whatever the client wrote.
 */
public final class ClientAddress {
    /** An IPv4 or IPv6 address as a proxy writes it: hex digits, dots and colons, nothing else. */
    private static final Pattern IP = Pattern.compile("(?=.*[.:])[0-9A-Fa-f.:]{2,45}");
    private final Optional<String> header;

    /** @param header the header a trusted proxy writes the client's address to; empty: none, take {@code sourceIp} */
    public ClientAddress(Optional<String> header) {
        this.header = Objects.requireNonNull(header, "header").map(String::strip).filter(h -> !h.isEmpty());
    }

    /** API Gateway's {@code sourceIp}, whatever the headers say. */
    public static ClientAddress sourceIpOnly() {
        return new ClientAddress(Optional.empty());
    }

    public String of(Request request) {
        return header.flatMap(request::header).map(String::strip).filter(value -> IP.matcher(value).matches())
                .orElse(request.sourceIp());
    }
}
