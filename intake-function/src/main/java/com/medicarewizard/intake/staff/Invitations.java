package com.medicarewizard.intake.staff;

import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.intake.auth.DeviceTokens;
import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.port.Notifications.Email;
import com.medicarewizard.port.StaffAccounts.Invitation;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-time invitations with which a member of staff sets their password: a token of the member's id
 * and 32 random bytes ({@code <staffId>.<base64url>}), stored only as its SHA-256, good for
 * {@link #LIFETIME}. The link carries it in the fragment ({@code /admin#invitation=…}), which browsers
 * never send to a server, so it stays out of every access log.
 */
public final class Invitations {
    /** Long enough for a weekend between the invitation and the first day at work. */
    public static final Duration LIFETIME = Duration.ofDays(3);
    private static final Pattern TOKEN = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{43})");

    private Invitations() {
    }

    /** A new invitation and its token, which only ever reaches the member. */
    record Issued(Invitation invitation, String token) {
        @Override
        public String toString() {
            return invitation.toString();
        }
    }

    static Issued issue(StaffId staff, Instant now) {
        String token = staff.value() + "." + DeviceTokens.randomToken();
        return new Issued(new Invitation(staff, Digests.sha256Hex(token), now, now.plus(LIFETIME)), token);
    }

    /** The member a token names, if it has the shape of one. */
    static Optional<StaffId> staffOf(String token) {
        Matcher shape = TOKEN.matcher(token);
        return shape.matches() ? Optional.of(new StaffId(shape.group(1))) : Optional.empty();
    }

    static boolean matches(Invitation invitation, String token) {
        return Digests.sameSecret(Digests.sha256Hex(token), invitation.tokenHash());
    }

    /** The page where the token sets a password. */
    public static URI link(URI site, String token) {
        String base = site.toString().replaceAll("/+$", "");
        return URI.create(base + "/admin#invitation=" + token);
    }

    /** The e-mail carrying the link, in Italian and English (staff accounts have no language of their own). */
    static Email email(StaffMember member, URI link, Instant expiresAt) {
        return new Email(member.email().value(), "MediCareWizard: il tuo accesso per lo staff / your staff access", """
                Ciao %1$s,

                ti è stato creato un accesso alle pagine dello staff di MediCareWizard (ruolo: %2$s). \
                Scegli la tua password da questo link, che vale una sola volta fino al %3$s (UTC):

                    %4$s

                Se non te l'aspettavi, ignora questa e-mail.

                ---

                Hello %1$s,

                a MediCareWizard staff account was made for you (role: %2$s). Choose your password with \
                this link, which works once, until %3$s (UTC):

                    %4$s

                If you did not expect it, ignore this e-mail.

                MediCareWizard
                """.formatted(member.name(), member.role().wire(), expiresAt.toString(), link), Optional.empty());
    }
}
