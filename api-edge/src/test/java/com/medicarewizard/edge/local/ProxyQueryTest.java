package com.medicarewizard.edge.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyQueryTest {

    @Test
    void keepsEveryValueAndTheLastAsTheSingleOne() {
        ProxyQuery query = ProxyQuery.parse("site=a&site=b&examType=MRI%20KNEE&q=x+y&flag");
        assertThat(query.multi()).containsEntry("site", List.of("a", "b")).containsEntry("flag", List.of(""));
        assertThat(query.single()).containsEntry("site", "b").containsEntry("examType", "MRI KNEE")
                .containsEntry("q", "x y");
    }

    @Test
    void isNullWithoutAQueryString() {
        assertThat(ProxyQuery.parse(null)).isEqualTo(new ProxyQuery(null, null));
        assertThat(ProxyQuery.parse("")).isEqualTo(new ProxyQuery(null, null));
        assertThat(ProxyQuery.parse("&")).isEqualTo(new ProxyQuery(null, null));
    }

    @Test
    void titleCasesHeaderNamesTheJdkServerLowerCased() {
        assertThat(ProxyHeaders.titleCase("X-amzn-trace-id")).isEqualTo("X-Amzn-Trace-Id");
        assertThat(ProxyHeaders.titleCase("Idempotency-key")).isEqualTo("Idempotency-Key");
    }

    @Test
    void mergesResponseHeadersAsApiGatewayDoes() {
        var response = new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent()
                .withStatusCode(201)
                .withHeaders(Map.of("X-One", "single", "X-Both", "from-headers"))
                .withMultiValueHeaders(Map.of("X-Both", List.of("m1", "m2")));
        Reply reply = ProxyResponses.toReply(response);
        assertThat(reply.headers()).containsEntry("X-One", List.of("single"))
                .containsEntry("X-Both", List.of("m1", "m2"))
                .containsEntry("Content-Type", List.of("application/json"));
    }

    @Test
    void malformedProxyResponseIsAFailedLambda() {
        var noStatus = new com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent().withBody("{}");
        assertThat(ProxyResponses.toReply(noStatus).status()).isEqualTo(502);
        assertThat(ProxyResponses.toReply(null).status()).isEqualTo(502);
    }
}
