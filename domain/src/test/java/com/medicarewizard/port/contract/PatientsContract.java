package com.medicarewizard.port.contract;

import static com.medicarewizard.domain.PatientMother.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.Patients.EmailTakenException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Patients} adapter promises. Subclasses give a fresh, empty store per test. */
public abstract class PatientsContract {

    private static final Instant ERASING = Instant.parse("2030-03-04T08:00:00Z");
    private Patients patients;

    /** A new adapter over empty storage. */
    protected abstract Patients newPatients();

    /** The audit trail of the storage the last {@link #newPatients} works on. */
    protected abstract AuditTrail audit();

    @BeforeEach
    void freshStore() {
        patients = newPatients();
    }

    @Test
    void findsARegisteredPatientByIdAndByEmailWithEveryField() {
        Patient maria = patient("maria.rossi@example.org");
        patients.register(maria);
        assertThat(patients.find(maria.id())).hasValueSatisfying(found -> assertThat(found)
                .usingRecursiveComparison().isEqualTo(maria));
        assertThat(patients.byEmail(new EmailAddress("maria.rossi@example.org"))).contains(maria);
    }

    @Test
    void findsManyAtOnceLeavingOutTheUnknownAndTheErasedWhateverTheirNumber() {
        List<Patient> registered = new java.util.ArrayList<>();
        for (int i = 0; i < Patients.FIND_ALL_BATCH + 5; i++) {
            Patient p = patient("patient" + i + "@example.org");
            patients.register(p);
            registered.add(p);
        }
        Patient erased = registered.getFirst();
        patients.beginErasure(erased.id(), ERASING);
        patients.completeErasure(erased, ERASING.plusSeconds(1));
        List<PatientId> asked = new java.util.ArrayList<>(registered.stream().map(Patient::id).toList());
        asked.add(PatientId.random());
        asked.add(registered.get(1).id());

        var found = patients.findAll(asked);

        assertThat(found).hasSize(Patients.FIND_ALL_BATCH + 4).doesNotContainKey(erased.id());
        registered.stream().skip(1).forEach(p -> assertThat(found.get(p.id())).usingRecursiveComparison().isEqualTo(p));
        assertThat(patients.findAll(List.of())).isEmpty();
    }

    private static AuditEntry registered(Patient p) {
        return new AuditEntry(UUID.randomUUID().toString(), Instant.parse("2030-03-04T08:00:00Z"),
                UUID.randomUUID().toString(), "desk@example.org", "patient.registered-by-staff",
                "patient/" + p.id().value(), Map.of(), Map.of("language", p.language()));
    }

    @Test
    void aPatientRegisteredByStaffIsStoredWithItsEntry() {
        Patient maria = patient("maria.rossi@example.org");
        AuditEntry entry = registered(maria);
        patients.registerByStaff(maria, entry);

        assertThat(patients.byEmail(maria.email())).contains(maria);
        assertThat(audit().between(entry.at(), entry.at().plusSeconds(1))).containsExactly(entry);
    }

    @Test
    void aRegistrationByStaffOfATakenAddressWritesNeitherThePatientNorTheEntry() {
        Patient first = patient("maria.rossi@example.org");
        patients.register(first);
        Patient second = patient("Maria.Rossi@example.org");
        AuditEntry entry = registered(second);

        assertThatThrownBy(() -> patients.registerByStaff(second, entry)).isInstanceOf(EmailTakenException.class);
        assertThat(patients.find(second.id())).isEmpty();
        assertThat(audit().between(entry.at(), entry.at().plusSeconds(1))).isEmpty();
    }

    @Test
    void keepsTheTwoHourReminderWishOfAPatientAndNoOneElse() {
        Patient maria = patient("maria.rossi@example.org");
        Patient luca = patient("luca.bianchi@example.org");
        patients.register(maria);
        patients.register(luca);
        assertThat(patients.find(maria.id()).orElseThrow().remindTwoHoursBefore()).isFalse();
        assertThat(patients.setRemindTwoHoursBefore(maria.id(), true)).isTrue();
        assertThat(patients.find(maria.id())).contains(maria.withRemindTwoHoursBefore(true));
        assertThat(patients.byEmail(maria.email()).orElseThrow().remindTwoHoursBefore()).isTrue();
        assertThat(patients.find(luca.id()).orElseThrow().remindTwoHoursBefore()).isFalse();
        assertThat(patients.setRemindTwoHoursBefore(maria.id(), false)).isTrue();
        assertThat(patients.find(maria.id())).contains(maria);
    }

    @Test
    void aWishOfAnUnknownPatientChangesNothing() {
        PatientId nobody = PatientId.random();
        assertThat(patients.setRemindTwoHoursBefore(nobody, true)).isFalse();
        assertThat(patients.find(nobody)).isEmpty();
    }

    @Test
    void findsNobodyForAnUnknownIdOrAddress() {
        assertThat(patients.find(PatientId.random())).isEmpty();
        assertThat(patients.byEmail(new EmailAddress("nobody@example.org"))).isEmpty();
    }

    @Test
    void oneAccountPerAddressWhateverItsCase() {
        Patient first = patient("Maria.Rossi@Example.org");
        patients.register(first);
        Patient second = patient("maria.rossi@EXAMPLE.ORG");
        assertThatThrownBy(() -> patients.register(second)).isInstanceOf(EmailTakenException.class);
        assertThat(patients.find(second.id())).isEmpty();
        assertThat(patients.byEmail(new EmailAddress("MARIA.ROSSI@example.org"))).contains(first);
    }

    @Test
    void replacesThePasswordHashOnlyWhileItIsTheExpectedOne() {
        Patient maria = patient("maria.rossi@example.org");
        patients.register(maria);

        assertThat(patients.replacePasswordHash(maria.id(), "not the stored hash", "$argon2id$other")).isFalse();
        assertThat(patients.find(maria.id()).orElseThrow().passwordHash()).isEqualTo(maria.passwordHash());

        assertThat(patients.replacePasswordHash(maria.id(), maria.passwordHash(), "$argon2id$new")).isTrue();
        assertThat(patients.find(maria.id())).hasValueSatisfying(found -> {
            assertThat(found.passwordHash()).isEqualTo("$argon2id$new");
            assertThat(found).usingRecursiveComparison().ignoringFields("passwordHash").isEqualTo(maria);
        });
        assertThat(patients.byEmail(maria.email()).orElseThrow().passwordHash()).isEqualTo("$argon2id$new");
        assertThat(patients.replacePasswordHash(PatientId.random(), maria.passwordHash(), "$argon2id$x")).isFalse();
    }

    @Test
    void aTakenAddressDoesNotStopOthersFromRegistering() {
        patients.register(patient("taken@example.org"));
        Patient other = patient("other@example.org");
        patients.register(other);
        assertThat(patients.byEmail(other.email())).contains(other);
    }

    @Test
    void concurrentRegistrationsOfOneAddressLeaveExactlyOneAccount() throws Exception {
        List<Patient> candidates = IntStream.range(0, 8).mapToObj(i -> patient("race@example.org")).toList();
        List<Boolean> registered = ConcurrentCalls.run(candidates.size(), i -> {
            try {
                patients.register(candidates.get(i));
                return true;
            } catch (EmailTakenException e) {
                return false;
            }
        });
        assertThat(registered).containsOnlyOnce(true);
        Patient winner = candidates.get(registered.indexOf(true));
        assertThat(patients.byEmail(winner.email())).contains(winner);
        candidates.stream().filter(p -> p != winner)
                .forEach(loser -> assertThat(patients.find(loser.id())).isEmpty());
    }

    @Test
    void anAccountBeingErasedIsStillFoundAndItsMessagesAreNotSent() {
        Patient maria = patient("maria.rossi@example.org");
        patients.register(maria);
        assertThat(patients.isErased(maria.id())).isFalse();

        assertThat(patients.beginErasure(maria.id(), ERASING)).isTrue();
        assertThat(patients.beginErasure(maria.id(), ERASING.plusSeconds(60))).isTrue();

        assertThat(patients.isErased(maria.id())).isTrue();
        assertThat(patients.find(maria.id())).contains(maria);
        assertThat(patients.byEmail(maria.email())).contains(maria);
        assertThat(patients.beginErasure(PatientId.random(), ERASING)).isFalse();
        assertThat(patients.isErased(PatientId.random())).isFalse();
    }

    @Test
    void anErasedAccountIsGoneItsAddressFreeAndItsIdStillKnownAsErased() {
        Patient maria = patient("maria.rossi@example.org");
        patients.register(maria);
        patients.beginErasure(maria.id(), ERASING);

        patients.completeErasure(maria, ERASING.plusSeconds(1));
        patients.completeErasure(maria, ERASING.plusSeconds(2));

        assertThat(patients.find(maria.id())).isEmpty();
        assertThat(patients.byEmail(maria.email())).isEmpty();
        assertThat(patients.isErased(maria.id())).isTrue();
        assertThat(patients.beginErasure(maria.id(), ERASING)).isFalse();
        Patient again = patient("Maria.Rossi@example.org");
        patients.register(again);
        assertThat(patients.byEmail(maria.email())).contains(again);
        assertThat(patients.isErased(again.id())).isFalse();
    }

    @Test
    void anErasureNotBegunCannotBeCompletedAndChangesNothing() {
        Patient maria = patient("maria.rossi@example.org");
        patients.register(maria);
        assertThatThrownBy(() -> patients.completeErasure(maria, ERASING)).isInstanceOf(IllegalStateException.class);
        assertThat(patients.byEmail(maria.email())).contains(maria);
    }
}
