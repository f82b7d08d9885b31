package com.medicarewizard.intake.patient;

import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.port.Notifications.Email;

import java.net.URI;
import java.util.Optional;

/**
 * The e-mail to a patient whose account the center's staff made, in their language (English, or Italian in
 * the informal register the site uses): that it exists, and how to give it a password (the password reset).
 */
final class WelcomeMessages {
    private WelcomeMessages() {
    }

    static Email madeByStaff(Patient patient, URI reset) {
        if ("it".equals(patient.language())) {
            return new Email(patient.email().value(), "Il centro ti ha creato un account MediCareWizard", """
                    Ciao %s,

                    su tua richiesta il centro ti ha creato un account MediCareWizard con questo indirizzo, per \
                    prenotare i tuoi esami e vederli online.

                    Per scegliere la tua password apri %s, scrivi questo indirizzo e chiedi un codice: ti \
                    arriverà per e-mail, e con quello imposti la password.

                    Se non hai chiesto un account, ignora questa e-mail o avvisa il centro.

                    MediCareWizard
                    """.formatted(patient.firstName(), reset), Optional.empty());
        }
        return new Email(patient.email().value(), "The center made you a MediCareWizard account", """
                Hello %s,

                as you asked, the center made you a MediCareWizard account with this address, to book your exams \
                and see them online.

                To choose your password, open %s, enter this address and ask for a code: it comes by e-mail, and \
                with it you set the password.

                If you did not ask for an account, ignore this e-mail or tell the center.

                MediCareWizard
                """.formatted(patient.firstName(), reset), Optional.empty());
    }
}
