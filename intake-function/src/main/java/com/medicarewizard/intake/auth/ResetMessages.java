package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.port.Notifications.Email;

import java.time.Duration;
import java.util.Optional;

/**
 * The e-mails of a password reset, in the patient's language (English, or Italian in the informal
 * register the site uses): the code, and afterwards the notice that the password was changed. The
 * code is written as two groups of four digits; the page takes it with or without the space.
 */
final class ResetMessages {

    private ResetMessages() {
    }

    static Email code(Patient patient, String code, Duration lifetime) {
        String grouped = code.substring(0, 4) + " " + code.substring(4);
        long minutes = lifetime.toMinutes();
        if (italian(patient)) {
            return new Email(patient.email().value(), "Il tuo codice per reimpostare la password di MediCareWizard", """
                    Ciao %s,

                    qualcuno, speriamo tu, ha chiesto di reimpostare la password del tuo account MediCareWizard. \
                    Il tuo codice è:

                        %s

                    Inseriscilo nella pagina da cui l'hai chiesto, entro %d minuti. Vale una sola volta.

                    Se non l'hai chiesto tu, ignora questa e-mail: la tua password resta com'è.

                    MediCareWizard
                    """.formatted(patient.firstName(), grouped, minutes), Optional.empty());
        }
        return new Email(patient.email().value(), "Your MediCareWizard password reset code", """
                Hello %s,

                someone, we hope you, asked to reset the password of your MediCareWizard account. Your code is:

                    %s

                Enter it on the page where you asked for it, within %d minutes. It works once.

                If you did not ask, ignore this e-mail: your password stays as it is.

                MediCareWizard
                """.formatted(patient.firstName(), grouped, minutes), Optional.empty());
    }

    static Email changed(Patient patient) {
        if (italian(patient)) {
            return new Email(patient.email().value(), "La tua password di MediCareWizard è stata cambiata", """
                    Ciao %s,

                    la password del tuo account MediCareWizard è appena stata cambiata con un codice inviato a \
                    questo indirizzo, e ogni dispositivo su cui avevi fatto l'accesso ne è uscito.

                    Se non sei stato tu, chiedi subito un nuovo codice dalla pagina di accesso e avvisa il centro.

                    MediCareWizard
                    """.formatted(patient.firstName()), Optional.empty());
        }
        return new Email(patient.email().value(), "Your MediCareWizard password was changed", """
                Hello %s,

                the password of your MediCareWizard account was just changed with a code sent to this address, \
                and every device you had logged in on was logged out.

                If it was not you, ask for a new code on the log-in page at once and tell the center.

                MediCareWizard
                """.formatted(patient.firstName()), Optional.empty());
    }

    private static boolean italian(Patient patient) {
        return "it".equals(patient.language());
    }
}
