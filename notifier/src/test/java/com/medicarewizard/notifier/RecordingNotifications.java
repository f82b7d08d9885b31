package com.medicarewizard.notifier;

import com.medicarewizard.port.Notifications;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Keeps what it was given to send; each channel can be made to fail, counts its calls, and can run
 * something while a send is under way (after the service took the message, before the call returns).
 */
final class RecordingNotifications implements Notifications {
    final List<Email> emails = new CopyOnWriteArrayList<>();
    final List<Sms> texts = new CopyOnWriteArrayList<>();
    final AtomicInteger emailCalls = new AtomicInteger();
    final AtomicInteger smsCalls = new AtomicInteger();
    volatile Supplier<RuntimeException> emailFailure;
    volatile Supplier<RuntimeException> smsFailure;
    /** Runs during each send that succeeds, once the message is taken: a slow service, a run overlapping it. */
    volatile Runnable whileSending = () -> { };

    static Supplier<RuntimeException> unavailable() {
        return () -> new DeliveryFailedException("service unavailable", false, null);
    }

    /** As SES in its sandbox refuses a recipient that is not a verified identity. */
    static Supplier<RuntimeException> notVerified() {
        return () -> new DeliveryFailedException("SES refused the message: MessageRejected (not verified)",
                com.medicarewizard.port.Notifications.Recovery.AFTER_SETUP, null);
    }

    static Supplier<RuntimeException> refused() {
        return () -> new DeliveryFailedException("recipient refused", true, null);
    }

    @Override
    public void send(Email email) {
        emailCalls.incrementAndGet();
        if (emailFailure != null) {
            throw emailFailure.get();
        }
        emails.add(email);
        whileSending.run();
    }

    @Override
    public void send(Sms sms) {
        smsCalls.incrementAndGet();
        if (smsFailure != null) {
            throw smsFailure.get();
        }
        texts.add(sms);
        whileSending.run();
    }
}
