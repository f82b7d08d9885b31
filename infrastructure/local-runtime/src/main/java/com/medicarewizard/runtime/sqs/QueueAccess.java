package com.medicarewizard.runtime.sqs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/**
 * Who may use the SQS stand-in: only a request made by an SDK client of this run. It speaks the
 * JSON protocol the SDK speaks ({@code application/x-amz-json-1.0}), carries no {@code Origin}
 * (browsers always send one on a cross-origin POST; the SDK never does) and is signed with this
 * run's access key id. Everything else — a form POST from a web page, curl from another local
 * user, a client with any other key — is refused before ElasticMQ sees it.
 */
final class QueueAccess {

    private static final String JSON_PROTOCOL = "application/x-amz-json-1.0";
    private static final String CREDENTIAL = "Credential=";

    private final byte[] accessKeyId;

    QueueAccess(QueueCredentials credentials) {
        this.accessKeyId = credentials.accessKeyId().getBytes(StandardCharsets.UTF_8);
    }

    boolean admits(HttpRequest request) {
        return request.getHeader("Origin").isEmpty()
                && JSON_PROTOCOL.equals(request.entity().getContentType().mediaType().toString())
                && request.getHeader("Authorization").map(HttpHeader::value).flatMap(QueueAccess::keyId)
                        .map(id -> MessageDigest.isEqual(id.getBytes(StandardCharsets.UTF_8), accessKeyId))
                        .orElse(false);
    }

    /** The access key id of a SigV4 {@code Authorization} header: {@code Credential=<id>/<date>/…}. */
    static Optional<String> keyId(String authorization) {
        int start = authorization.indexOf(CREDENTIAL);
        if (start < 0) {
            return Optional.empty();
        }
        start += CREDENTIAL.length();
        if (authorization.startsWith("\"", start)) { // rendered back quoted when parsed as generic credentials
            start++;
        }
        int end = authorization.indexOf('/', start);
        return end < 0 ? Optional.empty() : Optional.of(authorization.substring(start, end));
    }
}
