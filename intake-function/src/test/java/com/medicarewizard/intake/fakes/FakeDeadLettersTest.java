package com.medicarewizard.intake.fakes;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.DeadLetters.DeadLetter;
import com.medicarewizard.port.contract.DeadLettersContract;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The intake's dead-letter fake keeps the dead letters' contract. The fake holds dead letters, not
 * message bodies, so this test reads the reservation id out of a body as the SQS adapter does and
 * remembers each body to say what a redrive put back on the queue.
 */
class FakeDeadLettersTest extends DeadLettersContract {
    private static final Pattern RESERVATION = Pattern.compile("\"reservationId\":\"([^\"]+)\"");
    private static final Instant SENT = Instant.parse("2030-03-04T08:00:00Z");
    private final Map<String, String> bodies = new HashMap<>();
    private FakeDeadLetters deadLetters;
    private int drained;

    @Override
    protected DeadLetters newDeadLetters() {
        deadLetters = new FakeDeadLetters();
        return deadLetters;
    }

    @Override
    protected String deadLetter(String body) {
        String messageId = "m-" + (bodies.size() + 1);
        bodies.put(messageId, body);
        deadLetters.add(new DeadLetter(messageId, reservationIn(body), 4, SENT));
        return messageId;
    }

    @Override
    protected List<String> drainQueue() {
        List<DeadLetter> redriven = deadLetters.redriven();
        List<String> taken = redriven.subList(drained, redriven.size()).stream()
                .map(letter -> bodies.get(letter.messageId())).toList();
        drained = redriven.size();
        return taken;
    }

    private static Optional<ReservationId> reservationIn(String body) {
        Matcher matcher = RESERVATION.matcher(body);
        return matcher.find() ? ReservationId.parse(matcher.group(1)) : Optional.empty();
    }
}
