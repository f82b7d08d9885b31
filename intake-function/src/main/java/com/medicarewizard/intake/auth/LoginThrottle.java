package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.limit.RatePolicy;
import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.intake.Limits;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.port.RateLimits;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Slows password guessing down without letting anyone lock a patient out (ADR 0006). A log-in
 * attempt takes its uses <em>before</em> the password is checked, so parallel guesses cannot all be
 * checked: from a client the account does not know, one use of the account ({@code
 * login-account:<sha256(canonical address)>}) and one of the client address ({@code
 * login-address:<ip>}), each a growing delay; from a client holding a device token of that account
 * (it logged in there before), one use of that token alone, so that others' failures on the
 * account or the address never hold it up. A correct log-in clears the uses of the account (or
 * the token) and hands back the one of its address.
 */
public final class LoginThrottle {
    private final RateLimits limits;
    private final Limits policy;
    private final String realm;

    /** The patients' log-ins. */
    public LoginThrottle(RateLimits limits, Limits policy) {
        this(limits, policy, "login");
    }

    private LoginThrottle(RateLimits limits, Limits policy, String realm) {
        this.limits = limits;
        this.policy = policy;
        this.realm = realm;
    }

    /**
     * The staff's log-ins: the same policy on subjects of their own, so a patient account and a staff
     * account of one address never hold each other up.
     */
    public static LoginThrottle forStaff(RateLimits limits, Limits policy) {
        return new LoginThrottle(limits, policy, "staff-login");
    }

    /**
     * Takes the attempt's uses, or refuses it with 429 and Retry-After.
     *
     * @param trustedDevice the hash of a device token issued to this address's account, when the client sent one
     */
    public Attempt begin(EmailAddress email, String sourceIp, Optional<String> trustedDevice, Instant now) {
        if (trustedDevice.isPresent()) {
            Use device = new Use(realm + "-device:" + trustedDevice.get(), policy.loginPerDevice());
            take(device, now);
            return new Attempt(List.of(device), device, now);
        }
        Use address = new Use(realm + "-address:" + sourceIp, policy.loginPerAddress());
        Use account = new Use(accountSubject(email), policy.loginPerAccount());
        take(address, now);
        try {
            take(account, now);
        } catch (RuntimeException refused) {
            address.giveBack(limits, now);
            throw refused;
        }
        return new Attempt(List.of(address, account), account, now);
    }

    /** The account's failed log-ins are forgotten: its password was just reset by a code sent to its address. */
    public void forgetFailures(EmailAddress email) {
        limits.reset(accountSubject(email));
    }

    private String accountSubject(EmailAddress email) {
        return realm + "-account:" + Digests.sha256Hex(email.value());
    }

    private void take(Use use, Instant now) {
        if (limits.take(use.subject(), use.policy(), now) instanceof Verdict.Refused refused) {
            throw Problems.rateLimited("too-many-attempts", "Too many log-in attempts", refused).raise();
        }
    }

    /** The uses one attempt took. A wrong password leaves them taken. */
    public final class Attempt {
        private final List<Use> uses;
        private final Use cleared;
        private final Instant at;

        private Attempt(List<Use> uses, Use cleared, Instant at) {
            this.uses = uses;
            this.cleared = cleared;
            this.at = at;
        }

        /** The password was right: the account's (or token's) uses are cleared, the address's handed back. */
        public void succeeded() {
            limits.reset(cleared.subject());
            uses.stream().filter(use -> use != cleared).forEach(use -> use.giveBack(limits, at));
        }

        /** The password could not be checked at all (the hashing threads were busy): nothing counts. */
        public void abandoned() {
            uses.forEach(use -> use.giveBack(limits, at));
        }
    }

    private record Use(String subject, RatePolicy policy) {
        void giveBack(RateLimits limits, Instant now) {
            limits.giveBack(subject, policy, now);
        }
    }
}
