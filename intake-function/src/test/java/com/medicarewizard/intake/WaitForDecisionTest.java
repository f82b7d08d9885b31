package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/reservations/{id}} with {@code Prefer: wait=N} (RFC 7240): answered as soon as
 * the allocator is done with the reservation, or after N seconds, saying the wait it applied. Bounds
 * on time are generous: a decision made meanwhile must come well before a 20 s wait ends (15 s); a
 * wait with nothing to end it lasts at least what was applied.
 */
class WaitForDecisionTest {
    /** Runs a change a moment later, while the read under test waits. */
    private static final Executor LATER = CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS);
    private static final long WELL_BEFORE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private final Api api = new Api();
    private final String token = api.patientToken();

    @Test
    void aDecisionMadeWhileTheReadWaitsIsAnsweredAtOnce() throws Exception {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        CompletableFuture<Void> allocator = CompletableFuture.runAsync(
                () -> api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1")))), LATER);

        long started = System.nanoTime();
        Reply reply = api.send(get(id, token).header("Prefer", "wait=20"));

        assertThat(System.nanoTime() - started).isLessThan(WELL_BEFORE_NANOS);
        allocator.get(15, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("status")).isEqualTo("CONFIRMED");
        assertThat(reply.header("Preference-Applied")).contains("wait=20");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void withNothingDecidedItAnswersPendingOnceTheWaitIsOver() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");

        long started = System.nanoTime();
        Reply reply = api.send(get(id, token).header("Prefer", "wait=1"));

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(reply.text("status")).isEqualTo("PENDING");
        assertThat(reply.header("Preference-Applied")).contains("wait=1");
    }

    @Test
    void aLongerWaitIsCappedAtTwentySecondsAndAFinalOneAnsweredAtOnce() {
        String id = rejected();

        long started = System.nanoTime();
        Reply reply = api.send(get(id, token).header("Prefer", "respond-async, wait=600"));

        assertThat(System.nanoTime() - started).isLessThan(WELL_BEFORE_NANOS);
        assertThat(reply.text("status")).isEqualTo("REJECTED");
        assertThat(reply.header("Preference-Applied")).contains("wait=20");
    }

    @Test
    void theWaitFitsWhatIsLeftOfTheInvocation() {
        Reply reply = api.send(get(rejected(), token).header("Prefer", "wait=20"), new TestContext(9_500));

        assertThat(reply.header("Preference-Applied")).contains("wait=6");
    }

    @Test
    void aCancellationRequestedIsAwaitedUntilItIsCarriedOut() throws Exception {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        assertThat(api.send(Req.delete("/api/v1/reservations/{id}").path("id", id).bearer(token)).status())
                .isEqualTo(202);
        CompletableFuture<Void> allocator = CompletableFuture.runAsync(() -> {
            var stored = api.reservations.find(new ReservationId(id)).orElseThrow();
            api.reservations.put(stored.cancel(api.clock.instant()).withVersion(stored.version() + 1));
        }, LATER);

        long started = System.nanoTime();
        Reply reply = api.send(get(id, token).header("Prefer", "wait=20"));

        assertThat(System.nanoTime() - started).isLessThan(WELL_BEFORE_NANOS);
        allocator.get(15, TimeUnit.SECONDS);
        assertThat(reply.text("status")).isEqualTo("CANCELLED");
        assertThat(reply.header("Preference-Applied")).contains("wait=20");
    }

    @Test
    void withoutAReadablePreferenceItAnswersAtOnceAsBefore() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");

        for (String prefer : List.of("", "wait=0", "wait", "wait=soon", "wait=-3", "wait=2.5", "return=minimal")) {
            long started = System.nanoTime();
            Reply reply = api.send(get(id, token).header("Prefer", prefer));

            assertThat(System.nanoTime() - started).as(prefer).isLessThan(WELL_BEFORE_NANOS);
            assertThat(reply.status()).as(prefer).isEqualTo(200);
            assertThat(reply.text("status")).as(prefer).isEqualTo("PENDING");
            assertThat(reply.header("Preference-Applied")).as(prefer).isEmpty();
        }
        assertThat(api.send(get(id, token)).header("Preference-Applied")).isEmpty();
    }

    @Test
    void anotherPatientsReservationIsTheSame404AtOnce() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        String other = api.patientToken();

        long started = System.nanoTime();
        Reply waited = api.send(get(id, other).header("Prefer", "wait=20").requestId("same"));
        Reply missing = api.send(get(ReservationId.random().value(), other).header("Prefer", "wait=20")
                .requestId("same"));
        Reply plain = api.send(get(id, other).requestId("same"));

        assertThat(System.nanoTime() - started).isLessThan(WELL_BEFORE_NANOS);
        assertThat(waited.status()).isEqualTo(404);
        assertThat(waited.rawBody()).isEqualTo(plain.rawBody());
        assertThat(missing.rawBody()).isEqualTo(plain.rawBody());
        assertThat(waited.headers()).isEqualTo(plain.headers());
    }

    @Test
    void whenNoMoreWaitersFitItAnswersAtOnceWithoutSayingItWaited() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.reservations.refuseWaits();

        long started = System.nanoTime();
        Reply reply = api.send(get(id, token).header("Prefer", "wait=20"));

        assertThat(System.nanoTime() - started).isLessThan(WELL_BEFORE_NANOS);
        assertThat(reply.text("status")).isEqualTo("PENDING");
        assertThat(reply.header("Preference-Applied")).isEmpty();
    }

    private String rejected() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.decide(id, new Decision.Rejected(RejectionReason.SLOT_TAKEN));
        return id;
    }

    private static Req get(String id, String bearer) {
        return Req.get("/api/v1/reservations/{id}").path("id", id).bearer(bearer);
    }

}
