package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.StaffAccounts;
import com.medicarewizard.port.StaffAccounts.Invitation;
import com.medicarewizard.port.StaffAccounts.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StaffAccounts} adapter promises, with the {@link AuditTrail} of the same storage:
 * each change is stored with its entry, both or neither. Subclasses give fresh, empty storage per test.
 */
public abstract class StaffAccountsContract {

    private static final Instant NOW = Instant.parse("2030-03-04T08:00:00.250Z");

    /** The two ports over one fresh, empty storage. */
    public record Stores(StaffAccounts accounts, AuditTrail audit) {
    }

    protected abstract Stores newStores();

    private StaffAccounts accounts;
    private AuditTrail audit;
    private StaffMember anna;

    @BeforeEach
    void freshStores() {
        Stores stores = newStores();
        accounts = stores.accounts();
        audit = stores.audit();
        anna = StaffMember.invited(new EmailAddress("anna.bianchi@example.org"), "Anna Bianchi", StaffRole.ADMIN, NOW);
    }

    private static AuditEntry entry(String action, Instant at, Map<String, String> before, Map<String, String> after) {
        return new AuditEntry(java.util.UUID.randomUUID().toString(), at, AuditEntry.BOOTSTRAP, "-", action,
                "staff/x", before, after);
    }

    private Invitation invitation(StaffMember member, String hash) {
        return new Invitation(member.id(), hash, NOW, NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void aCreatedMemberIsFoundByIdAndAddressAndListedWithItsEntry() {
        AuditEntry created = entry("staff.created", NOW, Map.of(), Map.of("role", "admin"));
        accounts.create(anna, invitation(anna, "h1"), created);

        assertThat(accounts.find(anna.id())).contains(anna);
        assertThat(accounts.byEmail(anna.email())).contains(anna);
        assertThat(accounts.all()).containsExactly(anna);
        assertThat(accounts.invitation(anna.id(), NOW)).contains(invitation(anna, "h1"));
        assertThat(audit.between(NOW, NOW.plusSeconds(1))).containsExactly(created);
    }

    @Test
    void aSecondMemberWithTheSameAddressIsRefusedAndWritesNothing() {
        accounts.create(anna, invitation(anna, "h1"), entry("staff.created", NOW, Map.of(), Map.of()));
        StaffMember twin = StaffMember.invited(anna.email(), "Someone Else", StaffRole.FRONT_DESK, NOW);

        assertThatThrownBy(() -> accounts.create(twin, invitation(twin, "h2"),
                entry("staff.created", NOW.plusSeconds(1), Map.of(), Map.of())))
                .isInstanceOf(StaffAccounts.EmailTakenException.class);
        assertThat(accounts.find(twin.id())).isEmpty();
        assertThat(accounts.invitation(twin.id(), NOW)).isEmpty();
        assertThat(audit.between(NOW, NOW.plusSeconds(10))).hasSize(1);
    }

    @Test
    void aChangeIsStoredOnlyOverTheVersionItWasMadeFrom() {
        accounts.create(anna, invitation(anna, "h1"), entry("staff.created", NOW, Map.of(), Map.of()));
        StaffMember desk = anna.withRole(StaffRole.FRONT_DESK);
        AuditEntry changed = entry("staff.changed", NOW.plusSeconds(5), Map.of("role", "admin"),
                Map.of("role", "front-desk"));

        assertThat(accounts.change(anna, desk, changed)).isTrue();
        assertThat(accounts.find(anna.id())).contains(desk);
        assertThat(accounts.change(anna, anna.withActive(false),
                entry("staff.changed", NOW.plusSeconds(6), Map.of(), Map.of()))).isFalse();
        assertThat(accounts.find(anna.id())).contains(desk);
        assertThat(audit.between(NOW, NOW.plusSeconds(10))).extracting(AuditEntry::action)
                .containsExactly("staff.created", "staff.changed");
        assertThat(audit.between(NOW, NOW.plusSeconds(10)).get(1)).isEqualTo(changed);
    }

    @Test
    void anInvitationIsAcceptedOnceAndSetsThePassword() {
        Invitation first = invitation(anna, "h1");
        accounts.create(anna, first, entry("staff.created", NOW, Map.of(), Map.of()));

        assertThat(accounts.accept(first, anna, "$argon2id$x", entry("staff.password-set", NOW.plusSeconds(1),
                Map.of(), Map.of()))).isTrue();
        StaffMember stored = accounts.find(anna.id()).orElseThrow();
        assertThat(stored.passwordHash()).contains("$argon2id$x");
        assertThat(stored.version()).isEqualTo(anna.version() + 1);
        assertThat(accounts.invitation(anna.id(), NOW)).isEmpty();
        assertThat(accounts.accept(first, stored, "$argon2id$y", entry("staff.password-set", NOW.plusSeconds(2),
                Map.of(), Map.of()))).isFalse();
        assertThat(accounts.find(anna.id()).orElseThrow().passwordHash()).contains("$argon2id$x");
        assertThat(audit.between(NOW, NOW.plusSeconds(10))).hasSize(2);
    }

    @Test
    void aNewInvitationReplacesTheEarlierOne() {
        Invitation first = invitation(anna, "h1");
        accounts.create(anna, first, entry("staff.created", NOW, Map.of(), Map.of()));
        Invitation second = invitation(anna, "h2");
        accounts.invite(second, entry("staff.invited", NOW.plusSeconds(1), Map.of(), Map.of()));

        assertThat(accounts.invitation(anna.id(), NOW)).contains(second);
        assertThat(accounts.accept(first, anna, "$argon2id$x", entry("staff.password-set", NOW.plusSeconds(2),
                Map.of(), Map.of()))).isFalse();
        assertThat(accounts.find(anna.id()).orElseThrow().passwordHash()).isEmpty();
        assertThat(audit.between(NOW, NOW.plusSeconds(10))).extracting(AuditEntry::action)
                .containsExactly("staff.created", "staff.invited");
    }

    @Test
    void anInvitationIsNotAcceptedOverAMemberChangedMeanwhile() {
        Invitation first = invitation(anna, "h1");
        accounts.create(anna, first, entry("staff.created", NOW, Map.of(), Map.of()));
        accounts.change(anna, anna.withActive(false), entry("staff.changed", NOW, Map.of(), Map.of()));

        assertThat(accounts.accept(first, anna, "$argon2id$x", entry("staff.password-set", NOW.plusSeconds(2),
                Map.of(), Map.of()))).isFalse();
        assertThat(accounts.invitation(anna.id(), NOW)).contains(first);
    }

    @Test
    void anInvitationExpires() {
        Invitation first = invitation(anna, "h1");
        accounts.create(anna, first, entry("staff.created", NOW, Map.of(), Map.of()));

        assertThat(accounts.invitation(anna.id(), first.expiresAt().minusMillis(1))).isPresent();
        assertThat(accounts.invitation(anna.id(), first.expiresAt())).isEmpty();
    }

    @Test
    void sessionsAreFoundUntilTheyExpireOrAreRevoked() {
        Session session = new Session("abc", anna.id(), NOW, NOW.plus(Duration.ofHours(8)));
        accounts.storeSession(session);

        assertThat(accounts.session("abc", NOW)).contains(session);
        assertThat(accounts.session("abc", session.expiresAt())).isEmpty();
        assertThat(accounts.session("other", NOW)).isEmpty();
        accounts.revokeSession("abc");
        assertThat(accounts.session("abc", NOW)).isEmpty();
    }

    @Test
    void theTrailIsReadOldestFirstWithinTheSpanAndAcrossDays() {
        Instant dayOne = Instant.parse("2030-03-04T23:59:59.999Z");
        Instant dayTwo = Instant.parse("2030-03-05T00:00:00Z");
        AuditEntry late = entry("patient.opened", dayTwo, Map.of(), Map.of());
        AuditEntry early = entry("patient.opened", dayOne, Map.of(), Map.of("why", "a call"));
        audit.record(late);
        audit.record(early);
        audit.record(entry("patient.opened", dayTwo.plusSeconds(60), Map.of(), Map.of()));

        assertThat(audit.between(dayOne, dayTwo.plusSeconds(60))).containsExactly(early, late);
        assertThat(audit.between(dayTwo, dayTwo.plusSeconds(1))).containsExactly(late);
        assertThat(audit.between(NOW.minus(Duration.ofDays(30)), dayOne)).isEmpty();
    }

    @Test
    void anEntryKeepsItsFieldsAsWritten() {
        AuditEntry entry = new AuditEntry("e1", NOW, "actor-id", "anna.bianchi@example.org", "center.closure-added",
                "closure/milano/2030-03-10", Map.of(), Map.of("from", "2030-03-10", "reason", "works = noise; a=b"));
        audit.record(entry);

        List<AuditEntry> read = audit.between(NOW, NOW.plusNanos(1));
        assertThat(read).containsExactly(entry);
        assertThat(read.getFirst().after()).containsEntry("reason", "works = noise; a=b");
        assertThat(Optional.of(read.getFirst().before())).contains(Map.of());
    }
}
