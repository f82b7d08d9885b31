package com.medicarewizard.lambda;

import static com.medicarewizard.domain.ReservationMother.EXAM;
import static com.medicarewizard.domain.ReservationMother.SITE;
import static com.medicarewizard.domain.ReservationMother.START;

import com.medicarewizard.adapter.table.TableMessageFailures;
import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.dynamodb.DynamoDbItemTable;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.adapter.table.TableTokens;
import com.medicarewizard.table.layout.PatientRecords;
import com.medicarewizard.domain.PatientMother;
import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.port.Tokens.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Seeds and reads the items the entries' tests need, through the adapters (and plain PutItem where dynalite lacks a transaction). */
final class Table {

    /** The reservation of the SQS sample event's first message. */
    static final String QUEUED_RESERVATION = "3f1c2b7e-9d4a-4c5e-8b6f-1a2b3c4d5e6f";
    /** The reservation and patient of the DynamoDB stream sample event. */
    static final String STREAMED_RESERVATION = "8d2e4f6a-1b3c-4d5e-9f7a-2b4c6d8e0f1a";
    static final String STREAM_PATIENT = "5a7c9e1b-3d5f-4a6b-8c0d-2e4f6a8b0c1d";
    static final String PATIENT_EMAIL = "maria.rossi@example.org";
    static final String PATIENT_TAX_CODE = "RSSMRA85T10A562S";

    private final DynamoDbClient client;
    private final String name;
    private final ItemTable table;

    Table(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
        this.table = new DynamoDbItemTable(client, name);
    }

    void seedPatient(String patientId) {
        put(PatientMother.patient(new PatientId(patientId), PATIENT_EMAIL));
    }

    void seedPatientWithSession(String token) {
        Patient patient = PatientMother.patient(PatientId.random(), PATIENT_EMAIL);
        put(patient);
        Instant now = Instant.now();
        new TableTokens(table).store(new Session(Digests.sha256Hex(token), patient.id(), now, now.plus(Duration.ofHours(1))));
    }

    private void put(Patient patient) {
        for (Item item : List.of(PatientRecords.item(patient), PatientRecords.emailOwner(patient))) {
            table.put(item, Condition.always());
        }
    }


    void seedPending(String reservationId, Instant requestedAt) {
        reservations().create(pending(reservationId, new PatientId(STREAM_PATIENT), requestedAt), Optional.empty());
    }

    private static Reservation pending(String reservationId, PatientId patient, Instant requestedAt) {
        return Reservation.request(new ReservationId(reservationId), patient, EXAM, SITE, START,
                START.plus(Duration.ofMinutes(30)), requestedAt, "corr-" + reservationId);
    }

    void seedConfirmedWithDueSms(String reservationId, String patientId) {
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        Reservation pending = pending(reservationId, new PatientId(patientId), longAgo);
        reservations().create(pending, Optional.empty());
        reservations().update(ReservationMother.confirmed(pending, longAgo));
        new TableNotificationLedger(table).park(ParkedNotification.first(smsKey(reservationId), "+39347*****67",
                "SNS unavailable", true, longAgo, Duration.ofSeconds(30)));
    }

    private static NotificationKey smsKey(String reservationId) {
        return new NotificationKey(new ReservationId(reservationId), ReservationStatus.CONFIRMED, Channel.SMS);
    }

    String status(String reservationId) {
        return reservations().find(new ReservationId(reservationId)).orElseThrow().status().name();
    }

    String failureReason(String messageId) {
        return new TableMessageFailures(table).find(messageId).orElseThrow().reason();
    }

    List<String> markerStates(String reservationId) {
        return client.query(b -> b.tableName(name).keyConditionExpression("pk = :pk").consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("NOTIFICATION#" + reservationId))))
                .items().stream().map(item -> item.get("state").s()).toList();
    }

    int attempts(String reservationId) {
        return new TableNotificationLedger(table).parked(smsKey(reservationId)).orElseThrow().attempts();
    }

    private TableReservations reservations() {
        return new TableReservations(table);
    }
}
