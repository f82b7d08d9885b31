package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.Notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** E-mail the intake sends (password reset codes), kept in order; refuses every message while {@link #refusing}. */
public final class RecordingMail implements Notifications {
    private final List<Email> sent = new CopyOnWriteArrayList<>();
    public volatile boolean refusing;

    @Override
    public void send(Email email) {
        if (refusing) {
            throw new DeliveryFailedException("refused for the test", Recovery.TRANSIENT, null);
        }
        sent.add(email);
    }

    @Override
    public void send(Sms sms) {
        throw new AssertionError("the intake sends no text messages");
    }

    public List<Email> sent() {
        return List.copyOf(sent);
    }

    public List<Email> to(String address) {
        return sent.stream().filter(e -> e.to().equals(address)).toList();
    }
}
