package com.medicarewizard.edge.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the handler's {@link APIGatewayProxyResponseEvent} into the HTTP answer, as API Gateway
 * does: {@code headers} and {@code multiValueHeaders} merged (a name present in both keeps only
 * the multi-value list), the body base64-decoded when flagged, JSON as the default content type,
 * and a malformed response turned into the 502 of a failed Lambda.
 */
final class ProxyResponses {

    private ProxyResponses() {
    }

    static Reply toReply(APIGatewayProxyResponseEvent response) {
        if (response == null || response.getStatusCode() == null
                || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            return Problems.lambdaFailed();
        }
        byte[] body;
        try {
            body = bodyOf(response);
        } catch (IllegalArgumentException notBase64) {
            return Problems.lambdaFailed();
        }
        Map<String, List<String>> headers = mergedHeaders(response);
        headers.putIfAbsent("Content-Type", List.of("application/json"));
        return new Reply(response.getStatusCode(), headers, body);
    }

    private static byte[] bodyOf(APIGatewayProxyResponseEvent response) {
        String body = response.getBody();
        if (body == null) {
            return new byte[0];
        }
        return Boolean.TRUE.equals(response.getIsBase64Encoded())
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> mergedHeaders(APIGatewayProxyResponseEvent response) {
        Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null) {
                    merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
                }
            });
        }
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null) {
                    merged.putIfAbsent(name, List.of(value));
                }
            });
        }
        return merged;
    }
}
