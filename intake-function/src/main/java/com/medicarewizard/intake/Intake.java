package com.medicarewizard.intake;

import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.intake.auth.UpgradingPasswordHasher;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.CenterVersions;
import com.medicarewizard.port.DeskMarks;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.PasswordResets;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.RateLimits;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.port.ReservationChanges;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.StaffAccounts;
import com.medicarewizard.port.TakenCellsView;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.Waitlist;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the intake function works with: the ports (built once per container by whoever runs
 * it: the AWS composition or the embedded runtime), its settings and the clock. Only the
 * composition of the use cases ({@code Endpoints}, {@link com.medicarewizard.intake.ops.PipelineGauges})
 * unpacks it: each use case is given exactly the ports it uses. {@code changes} lets a read wait for a
 * decision ({@code Prefer: wait}); without one ({@link ReservationChanges#NONE}) reads answer at once.
 * {@code takenCells} is what availability reads: the ledger itself unless the runtime has a read model.
 */
public record Intake(CenterCatalog catalog, SlotLedger ledger, Reservations reservations, ReservationQueue queue,
                     Patients patients, Tokens tokens, RateLimits rateLimits, StreamPosition streamPosition,
                     PasswordHasher passwordHasher, IntakeConfig config, Clock clock,
                     Optional<Operations> operations, ReservationChanges changes,
                     Optional<PasswordResetPorts> passwordResets, TakenCellsView takenCells,
                     Optional<StaffPorts> staff, Optional<RecipientQuota> recipientQuota,
                     Optional<Waitlist> waitlist) {

    public Intake {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(reservations, "reservations");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(patients, "patients");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(rateLimits, "rate limits");
        Objects.requireNonNull(streamPosition, "stream position");
        Objects.requireNonNull(passwordHasher, "password hasher");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(passwordResets, "password resets");
        Objects.requireNonNull(takenCells, "taken cells");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(recipientQuota, "recipient quota");
        Objects.requireNonNull(waitlist, "waitlist");
    }

    /** Without the waitlist: its routes answer 404. */
    public Intake(CenterCatalog catalog, SlotLedger ledger, Reservations reservations, ReservationQueue queue,
                  Patients patients, Tokens tokens, RateLimits rateLimits, StreamPosition streamPosition,
                  PasswordHasher passwordHasher, IntakeConfig config, Clock clock,
                  Optional<Operations> operations, ReservationChanges changes,
                  Optional<PasswordResetPorts> passwordResets, TakenCellsView takenCells,
                  Optional<StaffPorts> staff, Optional<RecipientQuota> recipientQuota) {
        this(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition, passwordHasher,
                config, clock, operations, changes, passwordResets, takenCells, staff, recipientQuota, Optional.empty());
    }

    /** With the waitlist's entries: the waitlist routes. */
    public Intake withWaitlist(Waitlist entries) {
        return new Intake(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition,
                passwordHasher, config, clock, operations, changes, passwordResets, takenCells, staff,
                recipientQuota, Optional.of(entries));
    }

    /**
     * What the staff routes need: the accounts and their audit trail, the mail that sends invitations (and
     * the welcome of a patient the front desk registers), the website's address their links point to, the
     * center's versions and the front desk's marks on reservations. Without them every staff route answers 403.
     */
    public record StaffPorts(StaffAccounts accounts, AuditTrail audit, Notifications mail, URI site,
                             CenterVersions center, DeskMarks desk) {
        public StaffPorts {
            Objects.requireNonNull(desk, "desk");
            Objects.requireNonNull(center, "center");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(mail, "mail");
            Objects.requireNonNull(site, "site");
        }
    }

    /** What the password reset routes need: where the resets are kept, and the mail that sends their codes. */
    public record PasswordResetPorts(PasswordResets resets, Notifications mail) {
        public PasswordResetPorts {
            Objects.requireNonNull(resets, "resets");
            Objects.requireNonNull(mail, "mail");
        }
    }

    /** Without waiting for changes: every read answers at once. */
    public Intake(CenterCatalog catalog, SlotLedger ledger, Reservations reservations, ReservationQueue queue,
                  Patients patients, Tokens tokens, RateLimits rateLimits, StreamPosition streamPosition,
                  PasswordHasher passwordHasher, IntakeConfig config, Clock clock, Optional<Operations> operations) {
        this(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition, passwordHasher,
                config, clock, operations, ReservationChanges.NONE, Optional.empty(), ledger, Optional.empty(),
                Optional.empty());
    }

    public Intake(CenterCatalog catalog, SlotLedger ledger, Reservations reservations, ReservationQueue queue,
                  Patients patients, Tokens tokens, RateLimits rateLimits, StreamPosition streamPosition,
                  PasswordHasher passwordHasher, IntakeConfig config, Clock clock) {
        this(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition, passwordHasher,
                config, clock, Optional.empty());
    }

    /** With no stream lag known and the production password hashing (Argon2id, bcrypt hashes upgraded). */
    public Intake(CenterCatalog catalog, SlotLedger ledger, Reservations reservations, ReservationQueue queue,
                  Patients patients, Tokens tokens, RateLimits rateLimits, IntakeConfig config, Clock clock) {
        this(catalog, ledger, reservations, queue, patients, tokens, rateLimits, StreamPosition.NONE,
                UpgradingPasswordHasher.standard(), config, clock);
    }

    public Intake withStreamPosition(StreamPosition position) {
        return new Intake(catalog, ledger, reservations, queue, patients, tokens, rateLimits, position,
                passwordHasher, config, clock, operations, changes, passwordResets, takenCells, staff,
                recipientQuota, waitlist);
    }

    public Intake withPasswordHasher(PasswordHasher hasher) {
        return new Intake(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition,
                hasher, config, clock, operations, changes, passwordResets, takenCells, staff,
                recipientQuota, waitlist);
    }

    /** With the ports behind the operator routes (dead letters, parked notifications, the outbox). */
    public Intake withOperations(Operations ops) {
        return new Intake(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition,
                passwordHasher, config, clock, Optional.of(ops), changes, passwordResets, takenCells, staff,
                recipientQuota, waitlist);
    }

    /** With the password reset routes' store and mail; without them those routes answer 404. */
    public Intake withPasswordResets(PasswordResets resets, Notifications mail) {
        return new Intake(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition,
                passwordHasher, config, clock, operations, changes, Optional.of(new PasswordResetPorts(resets, mail)),
                takenCells, staff, recipientQuota, waitlist);
    }

    /**
     * With availability read from {@code view} rather than from the ledger itself: in AWS, the summary the
     * availability projector keeps (docs/adr/0014). A move's times keep reading the ledger, holders and all.
     */
    public Intake withTakenCells(TakenCellsView view) {
        return new Intake(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition,
                passwordHasher, config, clock, operations, changes, passwordResets, view, staff,
                recipientQuota, waitlist);
    }

    /** With the staff's accounts, audit trail, invitation mail and website address: the staff routes. */
    public Intake withStaff(StaffPorts ports) {
        return new Intake(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition,
                passwordHasher, config, clock, operations, changes, passwordResets, takenCells, Optional.of(ports),
                recipientQuota, waitlist);
    }

    /**
     * With the notifier's count of messages per recipient, which a patient's erasure forgets (it names
     * them by a hash of their address); without it the personal data routes answer 404.
     */
    public Intake withRecipientQuota(RecipientQuota quota) {
        return new Intake(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition,
                passwordHasher, config, clock, operations, changes, passwordResets, takenCells, staff,
                Optional.of(quota), waitlist);
    }

    /** With the means to wait for a reservation's decision ({@code Prefer: wait} on a read). */
    public Intake withChanges(ReservationChanges reservationChanges) {
        return new Intake(catalog, ledger, reservations, queue, patients, tokens, rateLimits, streamPosition,
                passwordHasher, config, clock, operations, reservationChanges, passwordResets, takenCells, staff,
                recipientQuota, waitlist);
    }
}
