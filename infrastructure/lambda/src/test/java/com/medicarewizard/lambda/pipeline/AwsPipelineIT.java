package com.medicarewizard.lambda.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.adapter.dynamodb.DynamoDbItemTable;
import com.medicarewizard.adapter.json.JsonCenterCatalog;
import com.medicarewizard.adapter.sqs.SqsReservationQueue;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.adapter.scheduler.EventBridgeReminderSchedule;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.table.TableWaitlist;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.notifier.WaitlistOffers;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.intake.staff.BootstrapAdmin;
import com.medicarewizard.lambda.intake.BootstrapAdminCommand;
import com.medicarewizard.adapter.local.SchedulerStandIn;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reminder.ReminderKind;
import com.medicarewizard.lambda.capture.CaptureEndpoint.Fault;
import com.medicarewizard.lambda.capture.CloudWatchCapture;
import com.medicarewizard.lambda.capture.SesCapture;
import com.medicarewizard.lambda.capture.SnsCapture;
import com.medicarewizard.lambda.common.TablePorts;
import com.medicarewizard.lambda.pipeline.PipelineApi.Answer;
import com.medicarewizard.lambda.pipeline.PipelineApi.Patient;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.runtime.dynamodb.Faults;
import com.medicarewizard.table.layout.ItemLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The AWS half of the pipeline in CI (issue 14): the six Lambda entries, built only from the
 * environment the CDK stack gives them, through a patient's journey and under the faults a first
 * deploy meets, against local endpoints speaking the AWS wire protocols ({@link AwsPipeline}).
 *
 * <p>The cases share one pipeline, as a deployed stack serves one patient after another; each
 * uses its own patients and its own time. They run in order because the notifier's circuit
 * breakers are state of its container, as on Lambda: the cases that make a messaging service fail
 * come last, so that a breaker they open does not park the earlier cases' messages. Nothing here
 * is skipped: every server it needs is started in-process on a loopback port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsPipelineIT {

    private static final String EXAM = "MRI-KNEE";
    /** One MRI scanner at this site: a start can be booked once. */
    private static final String SITE = "ROMA-NORD";
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** Generous bounds for what the pipeline does in a second or two, on a busy machine. */
    private static final Duration DECIDED = Duration.ofSeconds(60);
    /** The notifier's timeout and then some: what a notification may take when services misbehave. */
    private static final Duration NOTIFIED = FunctionSpecs.NOTIFIER.function().timeout().aws().plusSeconds(30);

    @TempDir
    static Path data;
    private static AwsPipeline pipeline;
    private static PipelineApi api;
    /** Free starts, one a day, handed to the cases one by one. */
    private static final Deque<String> STARTS = new ArrayDeque<>();

    @BeforeAll
    static void startPipeline() throws IOException {
        pipeline = new AwsPipeline(data);
        api = pipeline.api;
        LocalDate first = LocalDate.now(ROME).plusDays(3);
        Map<LocalDate, String> onePerDay = new HashMap<>();
        for (JsonNode slot : api.availability(EXAM, first, first.plusDays(40))) {
            if (SITE.equals(slot.path("site").asText()) && slot.path("available").asInt() > 0) {
                String start = slot.path("start").asText();
                onePerDay.putIfAbsent(java.time.OffsetDateTime.parse(start).toLocalDate(), start);
            }
        }
        onePerDay.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> STARTS.add(e.getValue()));
        assertThat(STARTS).as("free MRI starts in the center document").hasSizeGreaterThan(10);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @AfterEach
    void healEverything() {
        pipeline.heal();
    }

    @Test
    @Order(1)
    void aPatientRegistersBooksIsToldAndCancels() {
        Patient maria = api.newPatient();
        String start = STARTS.pop();

        Answer booked = PipelineApi.require(api.reserve(maria, EXAM, SITE, start, Optional.of(UUID.randomUUID().toString())), 202);
        assertThat(booked.text("status")).isEqualTo("PENDING");
        assertThat(booked.raw().headers().firstValue("Location")).contains("/api/v1/reservations/" + booked.text("id"));
        String confirmed = booked.text("id");
        // the page's read: held by the intake, polling the item, until the allocator has decided
        Answer decided = api.reservationOnceDecided(maria, confirmed, 20);
        assertThat(decided.text("status")).isEqualTo("CONFIRMED");
        assertThat(decided.raw().headers().firstValue("Preference-Applied")).contains("wait=20");

        Patient luca = api.newPatient();
        String rejected = PipelineApi.require(api.reserve(luca, EXAM, SITE, start, Optional.empty()), 202).text("id");
        Answer rejection = awaitStatus(luca, rejected, "REJECTED");
        assertThat(rejection.text("reason")).isEqualTo("SLOT_TAKEN");
        // availability's read model shows the booking's cells once the projector has had the stream records
        LocalDate day = dayOf(start);
        await().atMost(DECIDED).untilAsserted(() -> assertThat(summaryOf(day)).isNotEmpty().isEqualTo(ledgerOf(day)));
        // the alternatives the booking page offers: the same day's other starts, this one taken
        await().atMost(DECIDED).untilAsserted(() -> {
            JsonNode sameDay = api.availability(EXAM, day, day);
            assertThat(atSite(sameDay)).filteredOn(s -> Instant.parse(s.path("start").asText()).equals(instant(start)))
                    .singleElement().satisfies(s -> assertThat(s.path("available").asInt()).isZero());
            assertThat(atSite(sameDay)).anySatisfy(s -> assertThat(s.path("available").asInt()).isPositive());
        });

        // the confirmation: an e-mail with its calendar file and an SMS; the rejection: an e-mail only
        await().atMost(NOTIFIED).untilAsserted(() -> {
            assertThat(emailsTo(maria)).singleElement().satisfies(email -> assertThat(email.attachments())
                    .singleElement().satisfies(ics -> {
                        assertThat(ics.contentType()).startsWith("text/calendar");
                        assertThat(ics.text()).contains("BEGIN:VCALENDAR");
                    }));
            assertThat(smsTo(maria)).singleElement().satisfies(sms -> assertThat(sms.attributes())
                    .containsEntry("AWS.SNS.SMS.SMSType", "Transactional"));
            assertThat(emailsTo(luca)).hasSize(1);
            assertThat(eventsOf(confirmed)).containsExactly("ReservationConfirmed");
            assertThat(eventsOf(rejected)).containsExactly("ReservationRejected");
        });
        assertThat(smsTo(luca)).as("no SMS for a rejection").isEmpty();

        // the operators' figures, as the schedule writes them for CloudWatch; the stream lag is the
        // notifier's IteratorAge, which only CloudWatch knows
        pipeline.cloudWatch.answer("IteratorAge", 4200.0);
        pipeline.publishMetrics();
        assertThat(pipeline.cloudWatch.answered()).last().isInstanceOfSatisfying(CloudWatchCapture.GetMetricData.class,
                get -> assertThat(get.queries()).anySatisfy(q -> {
                    assertThat(q.metricName()).contains("IteratorAge");
                    assertThat(q.dimensions()).containsEntry("FunctionName", FunctionSpecs.NOTIFIER.function().name());
                }));
        assertThat(pipeline.stdout.emf()).last().satisfies(emf -> {
            assertThat(emf.path("StreamLag").asDouble()).isCloseTo(4.2, within(0.5));
            assertThat(emf.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                    .isEqualTo("MediCareWizard");
            assertThat(emf.path("QueueDepth").asDouble()).isZero();
            assertThat(emf.path("ConfirmedPerMinute").asDouble()).isPositive();
            assertThat(emf.path("RejectedPerMinute").asDouble()).isPositive();
        });

        PipelineApi.require(api.cancel(maria, confirmed), 202);
        awaitStatus(maria, confirmed, "CANCELLED");
        await().atMost(NOTIFIED).untilAsserted(() -> {
            assertThat(emailsTo(maria)).hasSize(2);
            assertThat(smsTo(maria)).hasSize(2);
            assertThat(eventsOf(confirmed)).containsExactly("ReservationConfirmed", "ReservationCancelled");
        });
        awaitBookableAgain(start);
        // the cancellation's released cells are gone from the read model too
        await().atMost(DECIDED).untilAsserted(() -> assertThat(summaryOf(day)).isEqualTo(ledgerOf(day))
                .noneMatch(cell -> cell.start().equals(instant(start))));

        assertNothingOverranOrWasGivenUp();
    }

    /**
     * Issue 16, reschedule: a move is confirmed with the old booking cancelled in the same transaction,
     * told once ("Moved", e-mail and SMS), and its events link both; a move to a taken time is rejected
     * by e-mail alone and leaves the booking as it was.
     */
    @Test
    @Order(2)
    void aPatientMovesABookingAndAMoveToATakenTimeChangesNothing() {
        Patient maria = api.newPatient();
        String first = STARTS.pop();
        String later = STARTS.pop();
        String taken = STARTS.pop();
        String old = PipelineApi.require(api.reserve(maria, EXAM, SITE, first, Optional.empty()), 202).text("id");
        assertThat(awaitStatus(maria, old, "CONFIRMED").text("status")).isEqualTo("CONFIRMED");

        Answer move = PipelineApi.require(api.move(maria, old, later), 202);
        assertThat(move.text("replaces")).isEqualTo(old);
        String moved = move.text("id");
        awaitStatus(maria, moved, "CONFIRMED");
        Answer before = api.reservation(maria, old);
        assertThat(before.text("status")).isEqualTo("CANCELLED");
        assertThat(before.text("movedTo")).isEqualTo(moved);

        Patient luca = api.newPatient();
        String theirs = PipelineApi.require(api.reserve(luca, EXAM, SITE, taken, Optional.empty()), 202).text("id");
        awaitStatus(luca, theirs, "CONFIRMED");
        String refused = PipelineApi.require(api.move(maria, moved, taken), 202).text("id");
        assertThat(awaitStatus(maria, refused, "REJECTED").text("reason")).isEqualTo("SLOT_TAKEN");
        assertThat(api.reservation(maria, moved).text("status")).isEqualTo("CONFIRMED");

        await().atMost(NOTIFIED).untilAsserted(() -> {
            assertThat(emailsTo(maria)).extracting(email -> email.subject().orElse(""))
                    .anySatisfy(subject -> assertThat(subject).startsWith("Moved:"))
                    .anySatisfy(subject -> assertThat(subject).startsWith("Not moved:"))
                    .noneSatisfy(subject -> assertThat(subject).startsWith("Cancelled:"));
            assertThat(eventsOf(old)).containsExactly("ReservationConfirmed", "ReservationCancelled");
            assertThat(eventsOf(moved)).containsExactly("ReservationConfirmed");
            assertThat(eventsOf(refused)).containsExactly("ReservationRejected");
        });
        assertThat(emailsTo(maria)).hasSize(3);
        assertThat(smsTo(maria)).as("the booking and the move; none for the cancelled old one or the rejection")
                .hasSize(2);
        remindersFollowTheMove(old, moved, first, later);
        // the first time is free again, the new one and the one Luca holds are not
        awaitBookableAgain(first);
        assertNothingOverranOrWasGivenUp();
    }

    /**
     * Reminders (issue 18): the notifier keeps EventBridge Scheduler one-time schedules for the booking
     * that stands — at 48 and 2 elapsed hours before its start, in UTC, ids and times as input — and
     * deletes the moved one's. The reminder function, invoked with the old booking's input as a lost
     * delete would have it, finds it cancelled and sends nothing.
     */
    private static void remindersFollowTheMove(String old, String moved, String oldStart, String newStart) {
        await().atMost(NOTIFIED).untilAsserted(() -> assertThat(pipeline.reminderSchedules().keySet())
                .filteredOn(name -> name.startsWith(old) || name.startsWith(moved))
                .containsExactlyInAnyOrder(moved + "-48h", moved + "-2h"));
        var schedules = pipeline.reminderSchedules();
        assertThat(SchedulerStandIn.instantOf(schedules.get(moved + "-48h")))
                .isEqualTo(instant(newStart).minus(java.time.Duration.ofHours(48)));
        assertThat(SchedulerStandIn.instantOf(schedules.get(moved + "-2h")))
                .isEqualTo(instant(newStart).minus(java.time.Duration.ofHours(2)));
        assertThat(schedules.get(moved + "-48h").path("Target").path("Input").asText())
                .contains(moved).doesNotContain("@", "+39", "RSSMRA");
        int sent = pipeline.ses.received().size() + pipeline.sns.received().size();
        String oldInput = new Reminder(new ReservationId(old), ReminderKind.BEFORE_2_HOURS, instant(oldStart))
                .fields().entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        // an old booking's schedule, had its delete been lost, sends nothing when it fires
        assertThat(pipeline.remind(oldInput)).isEqualTo("STALE");
        assertThat(pipeline.ses.received().size() + pipeline.sns.received().size()).isEqualTo(sent);
    }

    /** Issue 16: the intake e-mails a reset code through SES from the stack's sender, and the code sets a new password. */
    @Test
    @Order(2)
    void aPatientWhoForgotTheirPasswordSetsANewOneWithACodeSentThroughSes() {
        Patient anna = api.newPatient();

        PipelineApi.require(api.askResetCode(anna.email()), 202);

        SesCapture.Email sent = emailsTo(anna).getLast();
        assertThat(sent.from()).contains(AwsPipeline.MAIL_FROM);
        assertThat(sent.subject()).contains("Your MediCareWizard password reset code");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(\\d{4} \\d{4})\\b")
                .matcher(sent.text().orElseThrow());
        assertThat(code.find()).isTrue();
        PipelineApi.require(api.resetPassword(anna.email(), code.group(1), "a brand new passphrase"), 204);
        assertThat(api.me(anna).status()).as("the session from before the reset").isEqualTo(401);
        PipelineApi.require(api.logIn(anna.email(), "a brand new passphrase"), 200);
        assertThat(emailsTo(anna)).last().satisfies(email ->
                assertThat(email.subject()).contains("Your MediCareWizard password was changed"));
    }

    /**
     * Issue 18: the first administrator from the bootstrap command against the table, a front-desk member
     * invited through SES with a link to the stack's website, each role held to its routes, and the
     * audit trail of it all.
     */
    @Test
    @Order(2)
    void theStaffsAccountsRolesAndAuditTrailWorkAsDeployed() {
        String anna = "admin-" + UUID.randomUUID() + "@example.org";
        var outcome = BootstrapAdminCommand.bootstrap(anna, "Anna Bianchi", pipeline.env.intake());
        assertThat(outcome).isInstanceOf(BootstrapAdmin.Outcome.Invited.class);
        String link = ((BootstrapAdmin.Outcome.Invited) outcome).link().toString();
        assertThat(link).startsWith(DeployedEnvironment.PUBLIC_URL + "/admin#invitation=");
        PipelineApi.require(api.acceptStaffInvitation(invitation(link), STAFF_PASSWORD), 204);
        String admin = PipelineApi.require(api.staffLogIn(anna, STAFF_PASSWORD), 200).text("accessToken");

        String luca = "desk-" + UUID.randomUUID() + "@example.org";
        PipelineApi.require(api.bearer(admin, "POST", "/api/v1/admin/staff", Optional.of(JSON.createObjectNode()
                .put("email", luca).put("name", "Luca Verdi").put("role", "front-desk"))), 201);
        SesCapture.Email invited = pipeline.ses.answered().stream().filter(e -> e.to().contains(luca)).findFirst()
                .orElseThrow();
        assertThat(invited.from()).contains(AwsPipeline.MAIL_FROM);
        PipelineApi.require(api.acceptStaffInvitation(invitation(invited.text().orElseThrow()), STAFF_PASSWORD), 204);
        String desk = PipelineApi.require(api.staffLogIn(luca, STAFF_PASSWORD), 200).text("accessToken");

        assertThat(api.bearer(desk, "GET", "/api/v1/staff/me", Optional.empty()).text("role")).isEqualTo("front-desk");
        assertThat(api.bearer(desk, "GET", "/api/v1/admin/staff", Optional.empty()).status()).isEqualTo(403);
        assertThat(api.bearer(api.newPatient().token(), "GET", "/api/v1/staff/me", Optional.empty()).status())
                .isEqualTo(403);
        JsonNode trail = PipelineApi.require(api.bearer(admin, "GET", "/api/v1/admin/audit", Optional.empty()), 200)
                .body().path("entries");
        assertThat(trail.findValuesAsText("action")).contains("staff.created", "staff.password-set",
                "staff.logged-in");
        assertThat(trail.findValuesAsText("subject")).hasSizeGreaterThanOrEqualTo(6);
    }

    private static final String STAFF_PASSWORD = "a long staff passphrase";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String invitation(String text) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("#invitation=(\\S+)").matcher(text);
        assertThat(token.find()).as(text).isTrue();
        return token.group(1);
    }

    @Test
    @Order(3)
    void theSweeperQueuesAgainARequestWhoseMessageWasLost() {
        Patient patient = api.newPatient();
        // a request answered 202 longer ago than the sweeper's patience, whose message never reached the queue
        Instant acceptedAt = Instant.now().minus(FunctionSpecs.SWEEPER.patience().aws()).minusSeconds(30);
        String lost = seedPending(patient, STARTS.pop(), acceptedAt);

        assertThat(pipeline.sweep()).isEqualTo(1);
        awaitStatus(patient, lost, "CONFIRMED");
        assertThat(pipeline.sweep()).as("a decided request is not sent again").isZero();
        assertNothingOverranOrWasGivenUp();
    }

    @Test
    @Order(4)
    void operatorsListAndRedriveDeadLetters() {
        Patient patient = api.newPatient();
        String id = seedPending(patient, STARTS.pop(), Instant.now());
        // as the queue's redrive policy leaves it after the last receive
        new SqsReservationQueue(pipeline.sqs, pipeline.queues.deadLetterQueueUrl(), pipeline.queues.deadLetterQueueUrl())
                .send(new ReservationCommand(ReservationCommand.Type.DECIDE, new ReservationId(id), "corr-" + id));

        Answer listed = PipelineApi.require(api.operator(pipeline.opsToken, "GET", "/api/v1/ops/dead-letters"), 200);
        assertThat(listed.body()).singleElement().satisfies(d -> assertThat(d.path("reservationId").asText()).isEqualTo(id));
        Answer redriven = PipelineApi.require(api.operator(pipeline.opsToken, "POST", "/api/v1/ops/dead-letters/redrive"), 202);
        assertThat(redriven.body().path("redriven").asInt()).isEqualTo(1);

        awaitStatus(patient, id, "CONFIRMED");
        assertThat(PipelineApi.require(api.operator(pipeline.opsToken, "GET", "/api/v1/ops/dead-letters"), 200).body())
                .isEmpty();
        assertNothingOverranOrWasGivenUp();
    }

    @Test
    @Order(5)
    void aTransactionConflictAnswersTheFirstReservationAndA409() {
        Patient patient = api.newPatient();
        String start = STARTS.pop();
        String key = UUID.randomUUID().toString();
        String first = PipelineApi.require(api.reserve(patient, EXAM, SITE, start, Optional.of(key)), 202).text("id");

        // the double click's transaction meets the first one's items, as DynamoDB reports a race
        pipeline.dynamoDb.faults().conflictNextTransactions(1, ItemLayout.RESERVATION + "#");
        Answer again = api.reserve(patient, EXAM, SITE, start, Optional.of(key));
        assertThat(again.status()).as(again.raw().body()).isEqualTo(202);
        assertThat(again.text("id")).isEqualTo(first);

        String[] identity = PipelineApi.freshIdentity();
        PipelineApi.require(api.register(identity[0], identity[1]), 201);
        pipeline.dynamoDb.faults().conflictNextTransactions(1, ItemLayout.EMAIL + "#");
        Answer racing = api.register(identity[0], identity[1]);
        assertThat(racing.status()).as(racing.raw().body()).isEqualTo(409);

        awaitStatus(patient, first, "CONFIRMED");
        assertNothingOverranOrWasGivenUp();
    }

    @Test
    @Order(6)
    void aSlowTableStillDecidesEveryRequest() {
        pipeline.dynamoDb.faults().latency(Faults.ANY_OPERATION, Duration.ofMillis(100));
        Patient patient = api.newPatient();
        String id = bookedAndConfirmed(patient);
        await().atMost(NOTIFIED).untilAsserted(() -> assertThat(smsTo(patient)).hasSize(1));
        assertNothingOverranOrWasGivenUp();
    }

    @Test
    @Order(7)
    void throttlingFromDynamoDbAndSnsIsRiddenOut() {
        Patient patient = api.newPatient();
        pipeline.dynamoDb.faults().throttleNext(Faults.ANY_OPERATION, 2);
        pipeline.sns.fail(Fault.THROTTLE, 2);
        String id = bookedAndConfirmed(patient);
        await().atMost(NOTIFIED).untilAsserted(() -> assertThat(smsTo(patient)).hasSize(1));
        assertThat(pipeline.sns.received()).filteredOn(r -> r.fault() == Fault.THROTTLE).hasSize(2);
        assertThat(markers(id)).containsOnly("SENT");
        assertNothingOverranOrWasGivenUp();
    }

    @Test
    @Order(8)
    void aParkedNotificationIsRetriedOnAnOperatorsRequest() {
        Patient patient = api.newPatient();
        pipeline.sns.fail(Fault.SERVER_ERROR);
        String id = bookedAndConfirmed(patient);
        await().atMost(NOTIFIED).until(() -> markers(id).contains("PARKED"));
        assertThat(smsTo(patient)).isEmpty();

        pipeline.sns.heal();
        JsonNode parked = PipelineApi.require(api.operator(pipeline.opsToken, "GET", "/api/v1/ops/notifications/parked"), 200)
                .body();
        String parkedId = stream(parked).filter(p -> p.path("reservationId").asText().equals(id))
                .map(p -> p.path("id").asText()).findFirst().orElseThrow();
        PipelineApi.require(api.operator(pipeline.opsToken, "POST",
                "/api/v1/ops/notifications/parked/" + parkedId + "/retry"), 202);
        assertThat(pipeline.retryParked()).isEqualTo(1);
        assertThat(smsTo(patient)).hasSize(1);
        assertThat(markers(id)).containsOnly("SENT");
        assertNothingOverranOrWasGivenUp();
    }

    @Test
    @Order(9)
    void messagingServicesThatNeverAnswerLeaveTheNotifierWithinItsTimeoutAndParked() {
        Patient patient = api.newPatient();
        pipeline.sns.fail(Fault.HANG);
        pipeline.ses.fail(Fault.HANG);
        pipeline.events.fail(Fault.HANG);
        String id = bookedAndConfirmed(patient);

        await().atMost(NOTIFIED.plus(NOTIFIED)).until(() -> markers(id).size() == 3);
        assertThat(markers(id)).containsOnly("PARKED");
        assertThat(pipeline.invocations.of("notifier")).isNotEmpty().noneMatch(Invocations.Invocation::overran);
        assertNothingOverranOrWasGivenUp();
    }

    /**
     * The waitlist as deployed: a patient waiting for an earlier time is offered the one another patient
     * cancels — the notifier's offer queued to the allocator through SQS and HELD for them, e-mailed and texted
     * with its link, its lapse an EventBridge Scheduler one-time schedule at the end of the hold — and accepts
     * it: CONFIRMED, the entry closed. The lapse's schedule, fired once the offer is confirmed, changes nothing.
     */
    @Test
    @Order(5)
    void aPatientWaitingIsOfferedATimeAnotherCancelsAndAcceptsIt() {
        Patient waiting = api.newPatient();
        String start = STARTS.pop();
        PipelineApi.require(api.joinWaitlist(waiting, EXAM, SITE, dayOf(start).plusDays(1)), 201);
        Patient booked = api.newPatient();
        String freed = PipelineApi.require(api.reserve(booked, EXAM, SITE, start, Optional.empty()), 202).text("id");
        awaitStatus(booked, freed, "CONFIRMED");
        PipelineApi.require(api.cancel(booked, freed), 202);

        JsonNode offer = awaitOffer(waiting);
        String id = offer.path("id").asText();
        assertThat(instant(offer.path("start").asText())).isEqualTo(instant(start));
        assertThat(offer.path("heldUntil").asText()).isNotBlank();
        String link = DeployedEnvironment.PUBLIC_URL + "/bookings?offer=" + id;
        await().atMost(NOTIFIED).untilAsserted(() -> {
            assertThat(emailsTo(waiting)).anySatisfy(email -> assertThat(email.text()).hasValueSatisfying(
                    text -> assertThat(text).contains(link)));
            assertThat(smsTo(waiting)).anySatisfy(sms -> assertThat(sms.message()).contains(link));
        });
        JsonNode lapse = awaitLapseSchedule(id);
        Instant heldUntil = new TableReservations(table()).find(new ReservationId(id)).orElseThrow().heldUntil()
                .orElseThrow();
        assertThat(lapse.path("ScheduleExpression").asText()).isEqualTo(EventBridgeReminderSchedule.at(heldUntil));
        assertThat(lapse.path("Target").path("Input").asText()).contains(id, "\"lapse\"")
                .doesNotContain("@", "+39", "RSSMRA");

        assertThat(api.accept(waiting, id).status()).isEqualTo(202);
        awaitStatus(waiting, id, "CONFIRMED");
        await().atMost(NOTIFIED).untilAsserted(() -> assertThat(PipelineApi.require(api.waitlist(waiting), 200).body())
                .isEmpty());
        // as Scheduler fires it at the end of the hold: the offer, accepted in time, stays confirmed
        assertThat(pipeline.remind(lapse.path("Target").path("Input").asText())).isEqualTo("STALE");
        assertThat(api.reservation(waiting, id).text("status")).isEqualTo("CONFIRMED");
        assertNothingOverranOrWasGivenUp();
    }

    /**
     * An offer left unanswered lapses when its schedule fires: the reminder function records the lapse and
     * queues its CANCEL through SQS, the allocator frees the time, and the notifier offers it to the next
     * patient waiting, never back to the first. The deployed entries hold an offer the standard 15 minutes by
     * the system clock, so this one is made here as the notifier makes it ({@link WaitlistOffers} on the same
     * table and queue), held {@link #SHORT_HOLD}; the Scheduler stand-in fires its schedule once that is over.
     */
    @Test
    @Order(5)
    void anUnansweredOfferLapsesWhenItsScheduleFiresAndPassesToTheNextPatientWaiting() {
        Patient first = api.newPatient();
        Patient second = api.newPatient();
        String start = STARTS.pop();
        String firstEntry = PipelineApi.require(api.joinWaitlist(first, EXAM, SITE, dayOf(start).plusDays(1)), 201)
                .text("id");
        String secondEntry = PipelineApi.require(api.joinWaitlist(second, EXAM, SITE, dayOf(start).plusDays(1)), 201)
                .text("id");

        assertThat(offers(SHORT_HOLD).offer(freedAt(start))).hasValueSatisfying(made ->
                assertThat(made.patient().value()).isEqualTo(first.id()));
        String unanswered = awaitOffer(first).path("id").asText();
        JsonNode lapse = awaitLapseSchedule(unanswered);
        await().atMost(DECIDED).until(() -> !Instant.now().isBefore(SchedulerStandIn.instantOf(lapse)));
        assertThat(pipeline.scheduler.fireDue(DeployedEnvironment.REMINDER_GROUP, Instant.now(), pipeline::remind))
                .isEqualTo(1);

        assertThat(awaitStatus(first, unanswered, "CANCELLED").text("reason")).isEqualTo("OFFER_LAPSED");
        assertThat(api.accept(first, unanswered).status()).isEqualTo(409);
        JsonNode next = awaitOffer(second);
        assertThat(instant(next.path("start").asText())).isEqualTo(instant(start));

        // the second declines: the time is nobody's again, and not offered back to the first
        PipelineApi.require(api.cancel(second, next.path("id").asText()), 202);
        awaitStatus(second, next.path("id").asText(), "CANCELLED");
        awaitBookableAgain(start);
        assertThat(PipelineApi.require(api.reservations(first), 200).body()).hasSize(1);
        PipelineApi.require(api.leaveWaitlist(first, firstEntry), 204);
        PipelineApi.require(api.leaveWaitlist(second, secondEntry), 204);
        assertNothingOverranOrWasGivenUp();
    }

    /** How long the offer of the lapse case holds its time: long enough for the notifier to schedule its lapse. */
    private static final Duration SHORT_HOLD = Duration.ofSeconds(5);

    /** The patient's offer from the waitlist, once HELD for them, from their own reservations as My bookings reads them. */
    private static JsonNode awaitOffer(Patient patient) {
        return await().atMost(NOTIFIED).until(() -> stream(PipelineApi.require(api.reservations(patient), 200).body())
                .filter(r -> "HELD".equals(r.path("status").asText())).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** The one-time schedule the notifier keeps for the end of the offer's hold. */
    private static JsonNode awaitLapseSchedule(String offer) {
        return await().atMost(NOTIFIED).until(() -> pipeline.reminderSchedules().get(offer + "-lapse"),
                java.util.Objects::nonNull);
    }

    /** The notifier's offers of freed times, on the pipeline's table and queue, holding each for {@code hold}. */
    private static WaitlistOffers offers(Duration hold) {
        DynamoDbItemTable table = table();
        return new WaitlistOffers(new TableWaitlist(table), new TableReservations(table),
                new SqsReservationQueue(pipeline.sqs, pipeline.queues.queueUrl(), pipeline.queues.deadLetterQueueUrl()),
                JsonCenterCatalog.fromResource(TablePorts.CENTER_DOCUMENT), new TablePatients(table), hold,
                Clock.systemUTC());
    }

    /** Someone else's booking at {@code start}, confirmed and cancelled: the time it held, free to offer. */
    private static Reservation freedAt(String start) {
        Instant now = Instant.now();
        Instant begins = instant(start);
        List<ResourceId> held = JsonCenterCatalog.fromResource(TablePorts.CENTER_DOCUMENT).current().resources().stream()
                .filter(r -> r.site().equals(new SiteId(SITE)) && r.performs().contains(new ExamTypeCode(EXAM)))
                .map(Resource::id).toList();
        return Reservation.request(ReservationId.random(), PatientId.random(), new ExamTypeCode(EXAM), new SiteId(SITE),
                        begins, begins.plus(Duration.ofMinutes(30)), now, "corr-freed-" + begins)
                .decide(new Decision.Confirmed(held), now).requestCancellation(now).cancel(now);
    }

    private static LocalDate dayOf(String start) {
        return java.time.OffsetDateTime.parse(start).atZoneSameInstant(ROME).toLocalDate();
    }

    /** Availability shows {@code start} free again at the site, as the booking page reads it. */
    private static void awaitBookableAgain(String start) {
        LocalDate day = dayOf(start);
        await().atMost(DECIDED).untilAsserted(() -> assertThat(atSite(api.availability(EXAM, day, day)))
                .filteredOn(s -> Instant.parse(s.path("start").asText()).equals(instant(start)))
                .singleElement().satisfies(s -> assertThat(s.path("available").asInt()).isPositive()));
    }

    // --- what every case holds to

    /** No entry ran past its Lambda timeout or threw, and the stream gave up on nothing. */
    private static void assertNothingOverranOrWasGivenUp() {
        assertThat(pipeline.invocations.all()).noneMatch(Invocations.Invocation::overran)
                .allSatisfy(i -> assertThat(i.failure()).as(i.function()).isEmpty());
        assertThat(pipeline.streamFailures()).isZero();
    }

    /** Books the next free start for {@code patient} and waits until the allocator confirms it. */
    private static String bookedAndConfirmed(Patient patient) {
        String id = PipelineApi.require(api.reserve(patient, EXAM, SITE, STARTS.pop(), Optional.empty()), 202).text("id");
        awaitStatus(patient, id, "CONFIRMED");
        return id;
    }

    private static Answer awaitStatus(Patient patient, String id, String status) {
        return await().atMost(DECIDED).until(() -> api.reservation(patient, id),
                answer -> answer.status() == 200 && status.equals(answer.text("status")));
    }

    /** Seeds a PENDING request of {@code patient}, as the intake records it, accepted at {@code acceptedAt}. */
    private static String seedPending(Patient patient, String start, Instant acceptedAt) {
        ReservationId id = ReservationId.random();
        Instant begins = instant(start);
        new TableReservations(new DynamoDbItemTable(pipeline.dynamoDbClient, AwsPipeline.TABLE)).create(
                Reservation.request(id, new PatientId(patient.id()), new ExamTypeCode(EXAM), new SiteId(SITE), begins,
                        begins.plus(Duration.ofMinutes(30)), acceptedAt, "corr-" + id.value()), Optional.empty());
        return id.value();
    }

    /** The cells availability's read model holds as taken on the Rome day {@code day}, of every resource. */
    private static Set<Cell> summaryOf(LocalDate day) {
        return new TableTakenCells(table()).cells(resources(), day.atStartOfDay(ROME).toInstant(),
                day.plusDays(1).atStartOfDay(ROME).toInstant());
    }

    /** The cells the ledger holds on the Rome day {@code day}, of every resource. */
    private static Set<Cell> ledgerOf(LocalDate day) {
        return new TableSlotLedger(table()).holders(resources(), day.atStartOfDay(ROME).toInstant(),
                day.plusDays(1).atStartOfDay(ROME).toInstant()).keySet();
    }

    private static DynamoDbItemTable table() {
        return new DynamoDbItemTable(pipeline.dynamoDbClient, AwsPipeline.TABLE);
    }

    private static List<ResourceId> resources() {
        return JsonCenterCatalog.fromResource(TablePorts.CENTER_DOCUMENT).current().resources().stream()
                .map(Resource::id).toList();
    }

    /** The states of the reservation's notification markers (one per outcome and channel). */
    private static List<String> markers(String reservationId) {
        return pipeline.dynamoDbClient.query(b -> b.tableName(AwsPipeline.TABLE).keyConditionExpression("#pk = :pk")
                        .consistentRead(true).expressionAttributeNames(Map.of("#pk", ItemLayout.PK))
                        .expressionAttributeValues(Map.of(":pk",
                                AttributeValue.fromS(ItemLayout.NOTIFICATION + "#" + reservationId))))
                .items().stream().map(item -> item.get("state").s()).toList();
    }

    private static List<SesCapture.Email> emailsTo(Patient patient) {
        return pipeline.ses.answered().stream().filter(e -> e.to().contains(patient.email())).toList();
    }

    private static List<SnsCapture.Publish> smsTo(Patient patient) {
        return pipeline.sns.answered().stream().filter(p -> p.phoneNumber().equals(Optional.of(patient.phone()))).toList();
    }

    private static List<String> eventsOf(String reservationId) {
        return pipeline.events.events().stream()
                .filter(e -> e.detail().path("reservationId").asText().equals(reservationId))
                .map(e -> e.detailType()).toList();
    }

    private static List<JsonNode> atSite(JsonNode slots) {
        return stream(slots).filter(s -> SITE.equals(s.path("site").asText())).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static Instant instant(String start) {
        return java.time.OffsetDateTime.parse(start).toInstant();
    }
}
