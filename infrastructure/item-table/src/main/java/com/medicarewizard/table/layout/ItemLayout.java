package com.medicarewizard.table.layout;

/**
 * The single-table layout shared by the embedded adapters, the DynamoDB adapters and the notifier
 * (which reads these items from the change stream). The entities are mapped once, in
 * {@link ReservationRecords}, {@link PatientRecords}, {@link NotificationRecords} and
 * {@link ExpiringRecords}; the indexes are listed in {@link TableIndex#ALL}. Every item has string keys {@code pk}/{@code sk}
 * and a {@code type} attribute naming its entity. Instants are stored as fixed-width ISO-8601
 * strings ({@link ItemKeys#instant}) so that string order is time order in sort keys.
 *
 * <table>
 * <caption>Items</caption>
 * <tr><th>entity</th><th>pk</th><th>sk</th><th>attributes</th></tr>
 * <tr><td>reservation</td><td>{@code RESERVATION#<id>}</td><td>{@code RESERVATION}</td>
 *     <td>reservationId, patientId (none once anonymised: its patient erased their account), examType, site, start, end, status, reason?, resources (list),
 *     requestedAt, decidedAt?, cancelRequestedAt?, cancelledAt?, correlationId, version (number); on an offer
 *     from the waitlist offerEntry, offerHoldSeconds (number), offerAcceptedAt?;
 *     pending = {@code PENDING} only while PENDING; unsettled = {@code UNSETTLED} and settleBy while waiting on the
 *     allocator past its decision; decided = {@code DECIDED} only while
 *     CONFIRMED or REJECTED</td></tr>
 * <tr><td>idempotency key</td><td>{@code IDEMPOTENCY#<patientId>#<sha256(key) hex>}</td>
 *     <td>{@code IDEMPOTENCY}</td><td>reservationId, expiresAt (TTL: a day after the request) — written in the
 *     reservation's transaction</td></tr>
 * <tr><td>slot claim</td><td>{@code CLAIM#<resourceId>}</td><td>cell start (fixed-width instant)</td>
 *     <td>resourceId, start, owner (reservation id)</td></tr>
 * <tr><td>taken cells of a day (availability's read model)</td><td>{@code TAKEN#<resourceId>}</td>
 *     <td>the UTC day, {@code yyyy-MM-dd}</td><td>type, and one attribute per taken cell of that day:
 *     {@code c<HHmm>} of the cell's start in UTC ({@code c0930}), {@code true} — kept from the claims' stream
 *     records by the availability projector, never written by the allocator (docs/adr/0014)</td></tr>
 * <tr><td>patient</td><td>{@code PATIENT#<id>}</td><td>{@code PATIENT}</td>
 *     <td>patientId, email, passwordHash, firstName, lastName, phone, taxCode, dateOfBirth,
 *     language, registeredAt, remindTwoHoursBefore? (absent: false) — the only item holding personal data; erasingSince while its patient's
 *     erasure is under way; once erased, only patientId, erasedAt and expiresAt (TTL: 30 days), none of the
 *     rest</td></tr>
 * <tr><td>e-mail uniqueness</td><td>{@code EMAIL#<lower-case address>}</td><td>{@code EMAIL}</td>
 *     <td>patientId — written in the patient's transaction</td></tr>
 * <tr><td>session</td><td>{@code TOKEN#<token hash>}</td><td>{@code TOKEN}</td>
 *     <td>patientId, sessionOf (the patient id again, for {@value #SESSIONS_INDEX}), issuedAt, expiresAtInstant,
 *     expiresAt (epoch seconds: the TTL attribute)</td></tr>
 * <tr><td>password reset</td><td>{@code RESET#<patientId>}</td><td>{@code RESET}</td>
 *     <td>patientId, codeHash, issuedAt, expiresAtInstant, wrongCodes (number), expiresAt (TTL) — one per
 *     patient; completed in one transaction with the patient's new password hash</td></tr>
 * <tr><td>rate-limit allowance</td><td>{@code LIMIT#<subject>}</td><td>{@code LIMIT}</td>
 *     <td>used (number), since, next (instants), expiresAt (TTL: when the policy forgets it)</td></tr>
 * <tr><td>recipient quota</td><td>{@code QUOTA#<sha256(channel:address)>}</td><td>{@code QUOTA}</td>
 *     <td>messages (list of {@code <fixed-width instant>#<notification id>}, those of the last window), version
 *     (number), expiresAt (TTL: a window after the last message)</td></tr>
 * <tr><td>notification marker</td><td>{@code NOTIFICATION#<reservationId>}</td><td>{@code <OUTCOME>#<CHANNEL>},
 *     or for a reminder {@code <REMINDER>#<CHANNEL>} ({@code BEFORE_48_HOURS#SMS})</td>
 *     <td>reservationId, outcome (the outcome, or the reminder's name), channel, state (SENT or PARKED), sentAt? — while PARKED also
 *     maskedRecipient, reason, retryable, attempts (number), parkedAt, nextAttemptAt?,
 *     parked = {@code PARKED}, due = {@code DUE} (only while retryable)</td></tr>
 * <tr><td>staff member</td><td>{@code STAFF}</td><td>staff id</td>
 *     <td>staffId, email, name, role ({@code admin} or {@code front-desk}), active, passwordHash?, createdAt,
 *     version (number) — one partition for all the staff ({@link StaffRecords})</td></tr>
 * <tr><td>staff e-mail uniqueness</td><td>{@code STAFFEMAIL#<lower-case address>}</td><td>{@code STAFFEMAIL}</td>
 *     <td>staffId — written in the member's transaction</td></tr>
 * <tr><td>staff invitation</td><td>{@code STAFFINVITE#<staffId>}</td><td>{@code STAFFINVITE}</td>
 *     <td>staffId, tokenHash, issuedAt, expiresAtInstant, expiresAt (TTL) — one per member; accepted in one
 *     transaction with the member's password hash</td></tr>
 * <tr><td>staff session</td><td>{@code STAFFTOKEN#<token hash>}</td><td>{@code STAFFTOKEN}</td>
 *     <td>staffId, issuedAt, expiresAtInstant, expiresAt (TTL)</td></tr>
 * <tr><td>audit entry</td><td>{@code AUDIT#<UTC day>}</td><td>{@code <fixed-width instant>#<entry id>}</td>
 *     <td>entryId, at, actor, actorEmail, action, subject, before, after (lists of {@code name=value}) — written in
 *     the transaction of the change it records ({@link AuditRecords}); kept for good</td></tr>
 * <tr><td>front desk's marks on a reservation</td><td>{@code DESK#<reservationId>}</td><td>{@code DESK}</td>
 *     <td>reservationId; bookedBy, bookedByName, bookedAt (booked for the patient by staff); cancelledBy,
 *     cancelledByName, cancelledAt (cancelled for them); attendance ({@code ARRIVED} or {@code NO_SHOW}),
 *     attendanceBy, attendanceByName, attendanceAt — each mark written in one transaction with its audit entry
 *     ({@link DeskRecords}); names staff, never a patient's personal data</td></tr>
 * <tr><td>center version</td><td>{@code CENTER}</td><td>{@code V#<number, 12 digits>}</td>
 *     <td>number, document (the center as JSON), savedAt — one per saved change, kept</td></tr>
 * <tr><td>current center</td><td>{@code CENTER}</td><td>{@code CURRENT}</td>
 *     <td>number: moved in the transaction that saves the next version, with its audit entry</td></tr>
 * <tr><td>scheduled reminder (embedded runtime only; AWS keeps them in EventBridge Scheduler)</td>
 *     <td>{@code REMINDERS}</td><td>{@code <due, fixed-width instant>#<reservationId>#<kind code>}</td>
 *     <td>reservationId, kind ({@code 48h}, {@code 2h}), start — ids and times only (docs/adr/0018)</td></tr>
 * <tr><td>waitlist entry</td><td>{@code WAITLIST}</td><td>{@code <examType>#<joinedAt, fixed-width instant>#<entryId>}</td>
 *     <td>entryId, patientId, examType, site?, before (ISO date), joinedAt, offered (list of {@code <site>@<start>}) —
 *     one partition, read in joining order per exam type; no contact data</td></tr>
 * <tr><td>message failure</td><td>{@code FAILURE#<queue message id>}</td><td>{@code FAILURE}</td>
 *     <td>messageId, reservationId?, reason, receiveCount (number), failedAt, expiresAt (TTL, 14 days:
 *     the dead-letter queue's retention)</td></tr>
 * </table>
 *
 * <table>
 * <caption>Global secondary indexes (all attributes projected, string keys)</caption>
 * <tr><th>index</th><th>partition</th><th>sort</th><th>serves</th></tr>
 * <tr><td>{@value #BY_PATIENT}</td><td>patientId</td><td>start</td><td>a patient's reservations</td></tr>
 * <tr><td>{@value #PENDING_INDEX}</td><td>pending</td><td>requestedAt</td>
 *     <td>sparse: requests still PENDING, oldest first (the sweeper)</td></tr>
 * <tr><td>{@value #BY_DECISION}</td><td>decided</td><td>decidedAt</td>
 *     <td>sparse: recent decisions (operator figures)</td></tr>
 * <tr><td>{@value #UNSETTLED_INDEX}</td><td>unsettled</td><td>settleBy</td>
 *     <td>sparse: reservations waiting on the allocator past their decision (a cancellation recorded, an offer
 *     accepted or past its hold), most overdue first (the sweeper's backstop for lost commands)</td></tr>
 * <tr><td>{@value #PARKED_INDEX}</td><td>parked</td><td>parkedAt</td>
 *     <td>sparse: parked notifications, oldest first (operators)</td></tr>
 * <tr><td>{@value #DUE_INDEX}</td><td>due</td><td>nextAttemptAt</td>
 *     <td>sparse: retryable parked notifications, soonest first (the retrier)</td></tr>
 * <tr><td>{@value #SESSIONS_INDEX}</td><td>sessionOf</td><td>issuedAt</td>
 *     <td>sparse: a patient's sessions and device tokens (revoked together after a password reset)</td></tr>
 * </table>
 * Patient, session and e-mail items carry patientId but no start, so {@value #BY_PATIENT} skips them.
 */
public final class ItemLayout {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TYPE = "type";

    /** Entity names: the {@code type} attribute, and the {@code sk} of single-item partitions. */
    public static final String RESERVATION = "RESERVATION";
    public static final String IDEMPOTENCY = "IDEMPOTENCY";
    public static final String CLAIM = "CLAIM";
    public static final String TAKEN = "TAKEN";
    public static final String PATIENT = "PATIENT";
    public static final String EMAIL = "EMAIL";
    public static final String TOKEN = "TOKEN";
    public static final String LIMIT = "LIMIT";
    public static final String NOTIFICATION = "NOTIFICATION";
    public static final String FAILURE = "FAILURE";
    public static final String QUOTA = "QUOTA";
    public static final String RESET = "RESET";
    public static final String STAFF = "STAFF";
    public static final String STAFF_EMAIL = "STAFFEMAIL";
    public static final String STAFF_INVITATION = "STAFFINVITE";
    public static final String STAFF_TOKEN = "STAFFTOKEN";
    public static final String AUDIT = "AUDIT";
    public static final String CENTER = "CENTER";
    public static final String DESK = "DESK";

    public static final String BY_PATIENT = "byPatient";
    public static final String PENDING_INDEX = "pending";
    public static final String BY_DECISION = "byDecision";
    public static final String UNSETTLED_INDEX = "unsettled";
    public static final String PARKED_INDEX = "parked";
    public static final String DUE_INDEX = "due";
    public static final String SESSIONS_INDEX = "sessions";
    /** The constant partition values of the sparse indexes. */
    public static final String PENDING_PARTITION = "PENDING";
    public static final String DECIDED_PARTITION = "DECIDED";
    public static final String UNSETTLED_PARTITION = "UNSETTLED";
    public static final String PARKED_PARTITION = "PARKED";
    public static final String DUE_PARTITION = "DUE";

    /** Reservation attributes. */
    public static final String RESERVATION_ID = "reservationId";
    public static final String PATIENT_ID = "patientId";
    public static final String EXAM_TYPE = "examType";
    public static final String SITE = "site";
    public static final String START = "start";
    public static final String END = "end";
    public static final String STATUS = "status";
    public static final String REASON = "reason";
    public static final String RESOURCES = "resources";
    public static final String REQUESTED_AT = "requestedAt";
    public static final String DECIDED_AT = "decidedAt";
    public static final String CANCEL_REQUESTED_AT = "cancelRequestedAt";
    public static final String CANCELLED_AT = "cancelledAt";
    public static final String CORRELATION_ID = "correlationId";
    public static final String VERSION = "version";
    /** On a move request: the reservation it moves, and that one's site and start when it was asked. */
    public static final String REPLACES = "replaces";
    public static final String REPLACES_SITE = "replacesSite";
    public static final String REPLACES_START = "replacesStart";
    /** On a moved (CANCELLED) reservation: the request that replaced it. */
    public static final String MOVED_TO = "movedTo";
    /** On an offer from the waitlist: its entry, its hold in seconds, and when the patient accepted it. */
    public static final String OFFER_ENTRY = "offerEntry";
    public static final String OFFER_HOLD_SECONDS = "offerHoldSeconds";
    public static final String OFFER_ACCEPTED_AT = "offerAcceptedAt";
    public static final String PENDING = "pending";
    /** The sweeper's bookkeeping on a PENDING request: its last re-send, and how many it made. */
    public static final String QUEUED_AGAIN_AT = "queuedAgainAt";
    public static final String RESENDS = "resends";
    /** The allocator's decision lease on a PENDING request: the attempt holding it, and when it ends. */
    public static final String DECIDING_BY = "decidingBy";
    public static final String DECIDING_UNTIL = "decidingUntil";
    public static final String DECIDED = "decided";
    /** Present, with settleBy, while the reservation waits on the allocator past its decision ({@code Reservation.settleBy}). */
    public static final String UNSETTLED = "unsettled";
    public static final String SETTLE_BY = "settleBy";

    /** Slot claim attributes (plus {@link #START}). */
    public static final String RESOURCE_ID = "resourceId";
    public static final String OWNER = "owner";

    /** Patient attributes (plus {@link #PATIENT_ID}). */
    public static final String EMAIL_ADDRESS = "email";
    public static final String PASSWORD_HASH = "passwordHash";
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String PHONE = "phone";
    public static final String TAX_CODE = "taxCode";
    public static final String DATE_OF_BIRTH = "dateOfBirth";
    public static final String LANGUAGE = "language";
    public static final String REGISTERED_AT = "registeredAt";
    /** On a patient item: since when its erasure is under way; then, on what is left of it, when it ended. */
    public static final String ERASING_SINCE = "erasingSince";
    public static final String ERASED_AT = "erasedAt";
    public static final String REMIND_TWO_HOURS_BEFORE = "remindTwoHoursBefore";

    /** Session attributes. */
    public static final String SESSION_OF = "sessionOf";
    public static final String ISSUED_AT = "issuedAt";
    public static final String EXPIRES_AT_INSTANT = "expiresAtInstant";
    /** Epoch seconds, the table's TTL attribute: DynamoDB deletes the item some time after it. */
    public static final String EXPIRES_AT = "expiresAt";

    /** Password reset attributes (plus {@link #PATIENT_ID}, {@link #ISSUED_AT}, {@link #EXPIRES_AT_INSTANT}, {@link #EXPIRES_AT}). */
    public static final String CODE_HASH = "codeHash";
    public static final String WRONG_CODES = "wrongCodes";

    /** Rate-limit allowance attributes (plus {@link #EXPIRES_AT}). */
    public static final String USED = "used";
    public static final String SINCE = "since";
    public static final String NEXT = "next";

    /** Notification marker attributes (plus {@link #RESERVATION_ID}). */
    public static final String OUTCOME = "outcome";
    public static final String CHANNEL = "channel";
    public static final String STATE = "state";
    public static final String SENT_AT = "sentAt";
    public static final String MASKED_RECIPIENT = "maskedRecipient";
    public static final String RETRYABLE = "retryable";
    public static final String ATTEMPTS = "attempts";
    public static final String PARKED_AT = "parkedAt";
    public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    public static final String PARKED = "parked";
    public static final String DUE = "due";

    /** The partition of the embedded runtime's scheduled reminders, and their attributes (plus {@link #RESERVATION_ID}). */
    public static final String REMINDERS = "REMINDERS";
    public static final String REMINDER_KIND = "kind";
    public static final String REMINDER_START = "start";

    /** The partition of the waitlist, and its entries' attributes (plus {@link #PATIENT_ID}, {@link #EXAM_TYPE}, {@link #SITE}). */
    public static final String WAITLIST = "WAITLIST";
    public static final String ENTRY_ID = "entryId";
    public static final String BEFORE = "before";
    public static final String JOINED_AT = "joinedAt";
    public static final String OFFERED = "offered";

    /** Recipient quota attributes (plus {@link #VERSION}, {@link #EXPIRES_AT}). */
    public static final String MESSAGES = "messages";

    /** Message failure attributes (plus {@link #REASON}, {@link #RESERVATION_ID}, {@link #EXPIRES_AT}). */
    public static final String MESSAGE_ID = "messageId";
    public static final String RECEIVE_COUNT = "receiveCount";
    public static final String FAILED_AT = "failedAt";

    private ItemLayout() {
    }
}
