package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.ReservationId;

/**
 * The DynamoDB stream events under {@code events/ddb/}, shaped as AWS documents them and read with
 * Lambda's own serializers: reservation items of the single-table layout at site NORD of
 * {@link com.medicarewizard.domain.CenterMother}, all of one patient.
 */
final class StreamRecords {
    static final ReservationId RESERVATION = new ReservationId("5f0c6a4e-8a7b-4c1d-9e2f-0a1b2c3d4e5f");
    static final ReservationId OTHER_RESERVATION = new ReservationId("7a1d2e3f-4b5c-4d6e-8f70-8192a3b4c5d6");
    static final PatientId PATIENT = new PatientId("0b8a2c7e-3d4f-4a5b-8c6d-7e8f9a0b1c2d");

    private StreamRecords() {
    }

    static DynamodbEvent event(String name) {
        return EventLoader.loadDynamoDbEvent("events/ddb/" + name + ".json");
    }

    /** The only record of a one-record event. */
    static DynamodbEvent.DynamodbStreamRecord record(String name) {
        return event(name).getRecords().getFirst();
    }
}
