package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.notification.CalendarInvite;
import com.medicarewizard.port.Notifications.Email;
import com.medicarewizard.port.Notifications.Sms;
import org.junit.jupiter.api.Test;

/**
 * The texts the patient receives: in their language, the time in the site's zone (the reservation
 * starts 09:15 UTC, 10:15 in Rome), the calendar file only with a confirmation.
 */
class OutcomeMessagesTest {

    /** Issue 16, finding 8: Italian e-mails and SMS carried the English exam name and preparation. */
    @Test
    void anItalianPatientReadsItalianWithTheTimeAndZoneOfTheSite() {
        Notifier italian = new Notifier("it");
        italian.notifier.notify(italian.change("modify-confirmed"));

        Email email = italian.notifications.emails.getFirst();
        assertThat(email.subject()).startsWith("Confermato: Risonanza magnetica del ginocchio").contains("10:15")
                .contains("marzo").doesNotContain("MRI of the knee");
        assertThat(email.text()).contains("Maria").contains("(Europe/Rome)").contains("Nord, Via Roma 1, Milano")
                .contains("Togli gli oggetti metallici.").doesNotContain("Remove metal objects.");
        assertThat(email.attachment().orElseThrow().content()).contains("Risonanza magnetica del ginocchio")
                .doesNotContain("MRI of the knee");
        assertThat(italian.notifications.texts.getFirst().text()).contains("confermato").contains("10:15")
                .contains("Risonanza magnetica del ginocchio");
    }

    @Test
    void anExamTheCenterWroteInEnglishOnlyKeepsItsEnglishNameInItalianMessages() {
        var ecg = com.medicarewizard.domain.CenterMother.center().examType(com.medicarewizard.domain.CenterMother.ECG)
                .orElseThrow();
        assertThat(ecg.name("it")).isEqualTo("Electrocardiogram");
        assertThat(ecg.preparation("it")).isEqualTo("None.");
        var mri = com.medicarewizard.domain.CenterMother.center().examType(com.medicarewizard.domain.CenterMother.MRI)
                .orElseThrow();
        assertThat(mri.name("en")).isEqualTo("MRI of the knee");
        assertThat(mri.name("fr")).isEqualTo("MRI of the knee");
    }

    @Test
    void anEnglishPatientReadsEnglish() {
        Notifier english = new Notifier("en");
        english.notifier.notify(english.change("modify-confirmed"));

        Email email = english.notifications.emails.getFirst();
        assertThat(email.subject()).startsWith("Confirmed: MRI of the knee").contains("10:15").contains("March");
        assertThat(email.text()).startsWith("Dear Maria").contains("(Europe/Rome)");
        assertThat(english.notifications.texts.getFirst().text()).contains("confirmed for");
    }

    /** Issue 16, finding 8: the site says tu, the messages said Lei. */
    @Test
    void italianMessagesSpeakAsTheSiteDoesInTheInformalRegister() throws Exception {
        java.util.Properties italian = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/com/medicarewizard/notifier/messages_it.properties")) {
            italian.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(italian).isNotEmpty();
        java.util.regex.Pattern formal = java.util.regex.Pattern.compile(
                "\\b(Suo|Sua|Suoi|Sue|Lei|Scelga|vada|disdica)\\b");
        italian.forEach((key, text) -> assertThat(formal.matcher(text.toString()).find())
                .as("%s: %s", key, text).isFalse());
    }

    /** Issue 16, finding 8: English messages wrote US dates for a center in Rome. */
    @Test
    void datesAreWrittenAsInItalyInBothLanguagesDayFirstWithA24HourClock() {
        Notifier english = new Notifier("en");
        english.notifier.notify(english.change("modify-confirmed"));
        Notifier italian = new Notifier("it");
        italian.notifier.notify(italian.change("modify-confirmed"));

        assertThat(english.notifications.emails.getFirst().subject()).contains("11 March 2030").contains("10:15")
                .doesNotContain("March 11").doesNotContainIgnoringCase(" am");
        assertThat(english.notifications.texts.getFirst().text()).contains("11 March 2030");
        assertThat(italian.notifications.emails.getFirst().subject()).contains("11 marzo 2030").contains("10:15");
    }

    @Test
    void aConfirmationCarriesTheCalendarFileAtTheRightInstantInTheSitesZone() {
        Notifier n = new Notifier("en");
        n.notifier.notify(n.change("modify-confirmed"));

        var calendar = n.notifications.emails.getFirst().attachment().orElseThrow();
        assertThat(calendar.fileName()).isEqualTo(CalendarInvite.FILE_NAME);
        assertThat(calendar.contentType()).startsWith("text/calendar");
        assertThat(calendar.content()).contains("DTSTART;TZID=Europe/Rome:20300311T101500")
                .contains("BEGIN:VTIMEZONE").contains("UID:" + StreamRecords.RESERVATION.value());
    }

    @Test
    void aRejectionSaysWhyAndCarriesNoCalendarFile() {
        Notifier n = new Notifier("en");
        n.notifier.notify(n.change("modify-rejected"));

        Email email = n.notifications.emails.getFirst();
        assertThat(email.subject()).startsWith("Not booked:");
        assertThat(email.text()).contains("that time has just been taken.");
        assertThat(email.attachment()).isEmpty();
    }

    @Test
    void aCancellationCarriesNoCalendarFile() {
        Notifier n = new Notifier("it");
        n.notifier.notify(n.change("modify-cancelled"));

        Email email = n.notifications.emails.getFirst();
        Sms sms = n.notifications.texts.getFirst();
        assertThat(email.subject()).startsWith("Disdetto: Risonanza magnetica del ginocchio");
        assertThat(email.attachment()).isEmpty();
        assertThat(sms.text()).contains("10:15");
    }
}
