package com.medicarewizard.intake.http;

import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.intake.auth.Secret;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address, which the limits per address (registrations, log-ins) count by. API
 * Gateway's {@code sourceIp} is the address of the connection it received: behind CloudFront, an
 * edge server shared by every patient near it. CloudFront passes the viewer's own address in
 * {@value #VIEWER_ADDRESS} ({@code ip:port}); but anyone may send that header straight to the API's
 * own URL, so it is believed only on a request that also carries CloudFront's origin secret in
 * {@value #ORIGIN_SECRET} (a custom origin header the distribution adds, compared in constant time).
 * {@code X-Forwarded-For} is never read: its first entries are whatever the client wrote. Without an
 * origin secret (locally, or when it cannot be read) the address is {@code sourceIp}: one shared by
 * more clients, so the limits are stricter, never looser.
 */
public final class ClientAddress {
    public static final String VIEWER_ADDRESS = "CloudFront-Viewer-Address";
    public static final String ORIGIN_SECRET = "X-Origin-Verify";
    /** An IPv4 or IPv6 address (hex digits, dots, colons) and a port, as CloudFront writes it. */
    private static final Pattern IP_AND_PORT = Pattern.compile("([0-9A-Fa-f.:]{2,45}):([0-9]{1,5})");
    private final Secret originSecret;

    public ClientAddress(Secret originSecret) {
        this.originSecret = originSecret;
    }

    /** API Gateway's {@code sourceIp}, whatever the headers say. */
    public static ClientAddress sourceIpOnly() {
        return new ClientAddress(Secret.NONE);
    }

    public String of(Request request) {
        return request.header(VIEWER_ADDRESS).flatMap(ClientAddress::ip)
                .filter(ip -> fromCloudFront(request))
                .orElse(request.sourceIp());
    }

    private boolean fromCloudFront(Request request) {
        Optional<String> given = request.header(ORIGIN_SECRET);
        if (given.isEmpty()) {
            return false;
        }
        return originSecret.value().map(expected -> Digests.sameSecret(given.get(), expected)).orElse(false);
    }

    /** The address of {@code ip:port} ({@code 2001:db8::1:443} for IPv6: the port follows the last colon). */
    private static Optional<String> ip(String viewer) {
        var match = IP_AND_PORT.matcher(viewer.strip());
        return match.matches() ? Optional.of(match.group(1)) : Optional.empty();
    }
}
