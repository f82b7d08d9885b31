package com.medicarewizard.table.layout;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import static com.medicarewizard.table.layout.ItemLayout.EXPIRES_AT;
import static com.medicarewizard.table.layout.ItemLayout.WRONG_CODES;
import static com.medicarewizard.table.layout.ItemLayout.SESSION_OF;
import static com.medicarewizard.table.layout.ItemLayout.RESET;
import static com.medicarewizard.table.layout.ItemLayout.CODE_HASH;
import static com.medicarewizard.table.layout.ItemLayout.EXPIRES_AT_INSTANT;
import static com.medicarewizard.table.layout.ItemLayout.FAILED_AT;
import static com.medicarewizard.table.layout.ItemLayout.FAILURE;
import static com.medicarewizard.table.layout.ItemLayout.IDEMPOTENCY;
import static com.medicarewizard.table.layout.ItemLayout.ISSUED_AT;
import static com.medicarewizard.table.layout.ItemLayout.LIMIT;
import static com.medicarewizard.table.layout.ItemLayout.MESSAGE_ID;
import static com.medicarewizard.table.layout.ItemLayout.NEXT;
import static com.medicarewizard.table.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.table.layout.ItemLayout.PK;
import static com.medicarewizard.table.layout.ItemLayout.REASON;
import static com.medicarewizard.table.layout.ItemLayout.RECEIVE_COUNT;
import static com.medicarewizard.table.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.table.layout.ItemLayout.SINCE;
import static com.medicarewizard.table.layout.ItemLayout.SK;
import static com.medicarewizard.table.layout.ItemLayout.TOKEN;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;
import static com.medicarewizard.table.layout.ItemLayout.USED;

import com.medicarewizard.domain.limit.Allowance;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.MessageFailures.MessageFailure;
import com.medicarewizard.port.PasswordResets.Reset;
import com.medicarewizard.port.Tokens.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The short-lived items of {@link ItemLayout}: sessions, password resets, idempotency keys, message failures and
 * rate-limit allowances. Each carries {@value ItemLayout#EXPIRES_AT} (epoch seconds), the table's TTL attribute; TTL deletes an
 * item only some time after it, so readers never rely on it for correctness.
 */
public final class ExpiringRecords {

    /** SQS keeps a dead letter at most 14 days: the failure of one is kept as long. */
    public static final Duration FAILURE_RETENTION = Duration.ofDays(14);
    /** A client retries a request within minutes; a day covers any retry worth recognising. */
    public static final Duration IDEMPOTENCY_RETENTION = Duration.ofDays(1);

    private ExpiringRecords() {
    }

    public static Key sessionKey(String tokenHash) {
        return new Key(ItemKeys.token(tokenHash), TOKEN);
    }

    public static Key failureKey(String messageId) {
        return new Key(ItemKeys.failure(messageId), FAILURE);
    }

    public static Key limitKey(String subject) {
        return new Key(ItemKeys.limit(subject), LIMIT);
    }

    /** A subject's allowance, kept until {@code forgetAt}, when its policy would start it afresh anyway. */
    public static Item allowance(String subject, Allowance allowance, Instant forgetAt) {
        return Item.builder(limitKey(subject)).put(TYPE, LIMIT).put(USED, allowance.used())
                .put(SINCE, ItemKeys.instant(allowance.since())).put(NEXT, ItemKeys.instant(allowance.next()))
                .put(EXPIRES_AT, ttl(forgetAt)).build();
    }

    public static Allowance allowance(Item item) {
        return new Allowance(item.longValue(USED), ItemKeys.instant(item.string(SINCE)), ItemKeys.instant(item.string(NEXT)));
    }

    /** Rounded up, so that TTL never removes an item before it expires. */
    public static long ttl(Instant expires) {
        return expires.getEpochSecond() + (expires.getNano() > 0 ? 1 : 0);
    }

    public static Item session(Session session) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(PK, ItemKeys.token(session.tokenHash()));
        item.put(SK, TOKEN);
        item.put(TYPE, TOKEN);
        item.put(PATIENT_ID, session.patient().value());
        item.put(SESSION_OF, session.patient().value());
        item.put(ISSUED_AT, ItemKeys.instant(session.issuedAt()));
        item.put(EXPIRES_AT_INSTANT, ItemKeys.instant(session.expiresAt()));
        item.put(EXPIRES_AT, ttl(session.expiresAt()));
        return Item.of(item);
    }

    public static Session session(String tokenHash, Item item) {
        return new Session(tokenHash, new PatientId(item.string(PATIENT_ID)),
                ItemKeys.instant(item.string(ISSUED_AT)), ItemKeys.instant(item.string(EXPIRES_AT_INSTANT)));
    }

    public static Key resetKey(PatientId patient) {
        return new Key(ItemKeys.reset(patient), RESET);
    }

    public static Item reset(Reset reset) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(PK, ItemKeys.reset(reset.patient()));
        item.put(SK, RESET);
        item.put(TYPE, RESET);
        item.put(PATIENT_ID, reset.patient().value());
        item.put(CODE_HASH, reset.codeHash());
        item.put(ISSUED_AT, ItemKeys.instant(reset.issuedAt()));
        item.put(EXPIRES_AT_INSTANT, ItemKeys.instant(reset.expiresAt()));
        item.put(WRONG_CODES, (long) reset.wrongCodes());
        item.put(EXPIRES_AT, ttl(reset.expiresAt()));
        return Item.of(item);
    }

    public static Reset reset(Item item) {
        return new Reset(new PatientId(item.string(PATIENT_ID)), item.string(CODE_HASH),
                ItemKeys.instant(item.string(ISSUED_AT)), ItemKeys.instant(item.string(EXPIRES_AT_INSTANT)),
                (int) item.longValue(WRONG_CODES));
    }

    /** The item that remembers which reservation a patient's idempotency key created. */
    public static Item idempotency(Reservation created, String idempotencyKey) {
        return Item.of(Map.of(PK, ItemKeys.idempotency(created.patient(), idempotencyKey), SK, IDEMPOTENCY,
                TYPE, IDEMPOTENCY, RESERVATION_ID, created.id().value(),
                EXPIRES_AT, ttl(created.requestedAt().plus(IDEMPOTENCY_RETENTION))));
    }

    public static Item failure(MessageFailure failure) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(PK, ItemKeys.failure(failure.messageId()));
        item.put(SK, FAILURE);
        item.put(TYPE, FAILURE);
        item.put(MESSAGE_ID, failure.messageId());
        item.put(REASON, failure.reason());
        item.put(RECEIVE_COUNT, (long) failure.receiveCount());
        item.put(FAILED_AT, ItemKeys.instant(failure.at()));
        item.put(EXPIRES_AT, ttl(failure.at().plus(FAILURE_RETENTION)));
        failure.reservation().ifPresent(id -> item.put(RESERVATION_ID, id.value()));
        return Item.of(item);
    }

    public static MessageFailure failure(Item item) {
        return new MessageFailure(item.string(MESSAGE_ID), item.optString(RESERVATION_ID).map(ReservationId::new),
                item.string(REASON), (int) item.longValue(RECEIVE_COUNT), ItemKeys.instant(item.string(FAILED_AT)));
    }
}
