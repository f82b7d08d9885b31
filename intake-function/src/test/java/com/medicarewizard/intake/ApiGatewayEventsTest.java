package com.medicarewizard.intake;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Real API Gateway REST proxy events, read with Lambda's own serializers, through the handler. */
class ApiGatewayEventsTest {
    private final Api api = new Api();

    @ParameterizedTest
    @Event(value = "events/apigw/get-exam-types.json", type = APIGatewayProxyRequestEvent.class)
    void answersTheExamTypesEvent(APIGatewayProxyRequestEvent event) {
        Reply reply = handle(event);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(5);
        assertThat(reply.header("X-Correlation-Id")).contains("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/get-availability.json", type = APIGatewayProxyRequestEvent.class)
    void answersTheAvailabilityEvent(APIGatewayProxyRequestEvent event) {
        Reply reply = handle(event);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get(0).get("start").asText()).isEqualTo("2027-03-02T08:00:00+01:00");
        assertThat(reply.body().get(0).get("site").asText()).isEqualTo("ROMA-SUD");
    }

    @Test
    void registersFromThePatientsEventWithItsLanguageFromAcceptLanguage() {
        Reply reply = handle(EventLoader.loadApiGatewayRestEvent("events/apigw/post-patients.json"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(api.patients.byEmail(new com.medicarewizard.domain.patient.EmailAddress("giovanni.bianchi@example.org"))
                .orElseThrow().language()).isEqualTo("it");
    }

    @Test
    void booksFromTheReservationEventAndReadsItBack() {
        String token = api.patientToken();
        APIGatewayProxyRequestEvent post = withToken(EventLoader.loadApiGatewayRestEvent("events/apigw/post-reservation.json"), token);

        Reply accepted = handle(post);
        Reply again = handle(post);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(again.text("id")).isEqualTo(accepted.text("id"));
        var stored = api.reservations.find(new ReservationId(accepted.text("id"))).orElseThrow();
        assertThat(stored.correlationId()).isEqualTo("web-7f9e2b1c");

        APIGatewayProxyRequestEvent get = withToken(EventLoader.loadApiGatewayRestEvent("events/apigw/get-reservation.json"), token);
        get.getPathParameters().put("id", accepted.text("id"));
        Reply read = handle(get);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("PENDING");
    }

    @Test
    void theSampleReservationIdOfAnotherPatientIsNotFound() {
        APIGatewayProxyRequestEvent get = withToken(EventLoader.loadApiGatewayRestEvent("events/apigw/get-reservation.json"),
                api.patientToken());

        assertThat(handle(get).status()).isEqualTo(404);
    }

    private Reply handle(APIGatewayProxyRequestEvent event) {
        return Reply.of(api.handler().handleRequest(event, new TestContext()));
    }

    private static APIGatewayProxyRequestEvent withToken(APIGatewayProxyRequestEvent event, String token) {
        var headers = new HashMap<>(event.getHeaders());
        headers.put("Authorization", "Bearer " + token);
        event.setHeaders(headers);
        event.setMultiValueHeaders(null);
        if (event.getPathParameters() != null) {
            event.setPathParameters(new HashMap<>(event.getPathParameters()));
        }
        return event;
    }
}
