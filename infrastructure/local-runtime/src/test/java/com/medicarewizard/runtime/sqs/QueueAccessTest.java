package com.medicarewizard.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.junit.jupiter.api.Test;

class QueueAccessTest {
    private static final QueueCredentials RUN = QueueCredentials.random();
    private static final byte[] JSON_BODY = "{}".getBytes(StandardCharsets.UTF_8);
    private final QueueAccess access = new QueueAccess(RUN);

    @Test
    void admitsAJsonRequestSignedWithTheRunsAccessKeyId() {
        assertThat(access.admits(sdkRequest(RUN.accessKeyId()))).isTrue();
    }

    @Test
    void refusesAnotherKeyAnOriginAFormOrNoSignature() {
        assertThat(access.admits(sdkRequest(QueueCredentials.random().accessKeyId()))).isFalse();
        assertThat(access.admits(sdkRequest(RUN.accessKeyId()).addHeader(RawHeader.create("Origin", "null"))))
                .isFalse();
        assertThat(access.admits(sdkRequest(RUN.accessKeyId())
                .withEntity(ContentTypes.APPLICATION_X_WWW_FORM_URLENCODED, "Action=DeleteQueue"))).isFalse();
        assertThat(access.admits(HttpRequest.POST("/").withEntity(json(), JSON_BODY))).isFalse();
    }

    @Test
    void readsTheAccessKeyIdOfASigV4AuthorizationQuotedOrNot() {
        assertThat(QueueAccess.keyId(authorization("MCWKEY"))).contains("MCWKEY");
        assertThat(QueueAccess.keyId("AWS4-HMAC-SHA256 Credential=\"MCWKEY/20261206/eu-south-1/sqs/aws4_request\""))
                .contains("MCWKEY");
        assertThat(QueueAccess.keyId("Bearer MCWKEY")).isEmpty();
        assertThat(QueueAccess.keyId("AWS4-HMAC-SHA256 Credential=MCWKEY")).isEmpty();
    }

    private static HttpRequest sdkRequest(String keyId) {
        return HttpRequest.POST("/").addHeader(RawHeader.create("Authorization", authorization(keyId)))
                .withEntity(json(), JSON_BODY);
    }

    private static String authorization(String keyId) {
        return "AWS4-HMAC-SHA256 Credential=" + keyId + "/20261206/eu-south-1/sqs/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=0123abcd";
    }

    private static org.apache.pekko.http.javadsl.model.ContentType json() {
        return ContentTypes.parse("application/x-amz-json-1.0");
    }
}
