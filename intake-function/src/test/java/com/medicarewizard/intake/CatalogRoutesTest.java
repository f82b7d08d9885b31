package com.medicarewizard.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestCenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogRoutesTest {
    private final Api api = new Api();

    /** Issue 16, finding 2: where each site is and when it is open, for every page that shows a site. */
    @Test
    void listsTheSitesWithAddressMapLinkHoursAndExamTypes() {
        Reply reply = api.send(Req.get("/api/v1/sites"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(2);
        JsonNode sud = reply.body().get(1);
        assertThat(sud.get("id").asText()).isEqualTo("ROMA-SUD");
        assertThat(sud.get("name").asText()).isEqualTo("Roma Sud");
        assertThat(sud.get("address").asText()).isEqualTo("Via Appia 1");
        assertThat(sud.get("mapUrl").asText()).isEqualTo("https://www.openstreetmap.org/search?query=Via+Appia+1");
        assertThat(sud.get("zone").asText()).isEqualTo("Europe/Rome");
        // two X-ray rooms and an ECG room open at the same hours: one set of periods, Sunday closed (absent)
        assertThat(sud.get("hours")).hasSize(6);
        assertThat(sud.get("hours").get(0).toString())
                .isEqualTo("{\"day\":\"MONDAY\",\"periods\":[{\"from\":\"08:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"20:00\"}]}");
        assertThat(sud.get("examTypes").toString()).isEqualTo("[\"XRAY-CHEST\",\"ECG\"]");
        // the lab nurse works round the clock: the lunch break of the rooms is no break of the site
        JsonNode nord = reply.body().get(0);
        assertThat(nord.get("hours")).hasSize(7);
        assertThat(nord.get("hours").get(6).toString())
                .isEqualTo("{\"day\":\"SUNDAY\",\"periods\":[{\"from\":\"00:00\",\"to\":\"24:00\"}]}");
    }

    @Test
    void listsExamTypesWithDurationAndPreparation() {
        Reply reply = api.send(Req.get("/api/v1/exam-types"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).contains("application/json");
        assertThat(reply.body()).hasSize(5);
        JsonNode mri = reply.body().get(0);
        assertThat(mri.get("code").asText()).isEqualTo("MRI-KNEE");
        assertThat(mri.get("name").asText()).isEqualTo("MRI of the knee");
        assertThat(mri.get("durationMinutes").asInt()).isEqualTo(30);
        assertThat(mri.get("preparation").asText()).isNotBlank();
    }

    @Test
    void availabilityListsOneEntryPerSiteAndStartSortedByStartWithOffsets() {
        Reply reply = availability("XRAY-CHEST", "2027-03-02", "2027-03-02", null);

        assertThat(reply.status()).isEqualTo(200);
        List<String> starts = texts(reply.body(), "start");
        assertThat(starts).isSorted().first().isEqualTo("2027-03-02T08:00:00+01:00");
        assertThat(reply.body().get(0).get("end").asText()).isEqualTo("2027-03-02T08:15:00+01:00");
        assertThat(texts(reply.body(), "site")).containsOnly("ROMA-NORD", "ROMA-SUD");
        JsonNode sud = find(reply.body(), "2027-03-02T10:00:00+01:00", "ROMA-SUD");
        JsonNode nord = find(reply.body(), "2027-03-02T10:00:00+01:00", "ROMA-NORD");
        assertThat(sud.get("available").asInt()).isEqualTo(2);
        assertThat(nord.get("available").asInt()).isEqualTo(1);
        assertThat(starts).doesNotContain("2027-03-02T13:00:00+01:00", "2027-03-02T07:45:00+01:00");
    }

    @Test
    void availabilityCountsTakenCellsFromTheLedger() {
        Instant start = Instant.parse("2027-03-02T09:00:00Z");
        var exam = api.center.examType(TestCenter.XRAY).orElseThrow();
        api.ledger.claim(ReservationId.random(), Occupancy.of(exam, start).cells(new ResourceId("XR-S1")));

        Reply reply = availability("XRAY-CHEST", "2027-03-02", "2027-03-02", "ROMA-SUD");

        assertThat(find(reply.body(), "2027-03-02T10:00:00+01:00", "ROMA-SUD").get("available").asInt()).isEqualTo(1);
        assertThat(find(reply.body(), "2027-03-02T10:30:00+01:00", "ROMA-SUD").get("available").asInt()).isEqualTo(2);
        assertThat(texts(reply.body(), "site")).containsOnly("ROMA-SUD");
    }

    @Test
    void availabilityOfAnExamNeedingTwoKindsIsTheLeastOverKinds() {
        Instant start = Instant.parse("2027-03-02T09:00:00Z");
        var exam = api.center.examType(TestCenter.MRI).orElseThrow();
        api.ledger.claim(ReservationId.random(), Occupancy.of(exam, start).cells(new ResourceId("RAD-N1")));

        Reply reply = availability("MRI-KNEE", "2027-03-02", "2027-03-02", null);

        assertThat(find(reply.body(), "2027-03-02T10:00:00+01:00", "ROMA-NORD").get("available").asInt()).isZero();
        assertThat(find(reply.body(), "2027-03-02T11:00:00+01:00", "ROMA-NORD").get("available").asInt()).isEqualTo(1);
    }

    @Test
    void availabilityLeavesOutTheClosedSiteOnItsClosure() {
        Reply reply = availability("XRAY-CHEST", "2027-03-10", "2027-03-10", null);

        assertThat(texts(reply.body(), "site")).containsOnly("ROMA-SUD");
    }

    @Test
    void availabilityOfAnExamNoSiteOffersIsEmpty() {
        Reply reply = availability("CT-HEAD", "2027-03-02", "2027-03-03", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void springForwardDayHasNoStartsInTheSkippedHourAndSwitchesOffset() {
        Reply reply = availability("BLOOD-TEST", "2027-03-28", "2027-03-28", null);

        List<String> starts = texts(reply.body(), "start");
        assertThat(starts).contains("2027-03-28T01:45:00+01:00", "2027-03-28T03:00:00+02:00", "2027-03-28T23:45:00+02:00");
        assertThat(starts).noneMatch(s -> s.startsWith("2027-03-28T02:"));
        assertThat(starts).hasSize(92).doesNotHaveDuplicates();
        assertDistinctInstants(starts);
    }

    @Test
    void fallBackDayHasBothInstantsOfTheRepeatedHourOnce() {
        Reply reply = availability("BLOOD-TEST", "2027-10-31", "2027-10-31", null);

        List<String> starts = texts(reply.body(), "start");
        assertThat(starts).contains("2027-10-31T02:00:00+02:00", "2027-10-31T02:30:00+02:00",
                "2027-10-31T02:00:00+01:00", "2027-10-31T02:45:00+01:00", "2027-10-31T23:45:00+01:00");
        // 100 instants in a 25-hour day, 02:45+02:00 included although its occupancy ends at 02:00+01:00
        assertThat(starts).hasSize(100).doesNotHaveDuplicates().contains("2027-10-31T02:45:00+02:00");
        assertDistinctInstants(starts);
        assertThat(starts.indexOf("2027-10-31T02:30:00+02:00")).isLessThan(starts.indexOf("2027-10-31T02:00:00+01:00"));
    }

    @Test
    void availabilityAcrossTheDaylightSavingChangeSpansBothOffsets() {
        Reply reply = availability("BLOOD-TEST", "2027-03-27", "2027-03-29", "ROMA-NORD");

        List<String> starts = texts(reply.body(), "start");
        assertThat(starts).hasSize(96 + 92 + 96);
        assertThat(starts.getFirst()).isEqualTo("2027-03-27T00:00:00+01:00");
        assertThat(starts.getLast()).isEqualTo("2027-03-29T23:45:00+02:00");
        assertDistinctInstants(starts);
    }

    @ParameterizedTest(name = "{0} from {1} to {2} site {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
        "null, 2027-03-02, 2027-03-03, null, validation-failed",
        "XRAY-CHEST, null, 2027-03-03, null, validation-failed",
        "XRAY-CHEST, 2027-03-02, null, null, validation-failed",
        "XRAY-CHEST, 2027-3-2, 2027-03-03, null, validation-failed",
        "XRAY-CHEST, 2027-03-02, 2027-02-30, null, validation-failed",
        "XRAY-CHEST, 2027-03-05, 2027-03-02, null, validation-failed",
        "XRAY-CHEST, 2027-03-01, 2027-04-01, null, validation-failed",
        "xray chest, 2027-03-02, 2027-03-03, null, validation-failed",
        "XRAY-CHEST, 2027-03-02, 2027-03-03, roma nord, validation-failed",
        "NO-SUCH-EXAM, 2027-03-02, 2027-03-03, null, unknown-exam-type",
        "XRAY-CHEST, 2027-03-02, 2027-03-03, ROMA-EST, unknown-site",
    })
    void badAvailabilityQuestionsAre400(String exam, String from, String to, String site, String code) {
        Reply reply = availability(exam, from, to, site);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).contains("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.text("type")).isEqualTo("/problems/" + code);
    }

    /** The home page shows each exam's earliest start with room: it asks for that one alone, not two weeks of starts. */
    @Test
    void firstFreeGivesOnlyTheFirstStartsThatCanStillTakeABooking() {
        var exam = api.center.examType(TestCenter.XRAY).orElseThrow();
        Instant eight = Instant.parse("2027-03-02T07:00:00Z");
        // 08:00 at ROMA-NORD full (its one room), at ROMA-SUD both rooms taken too
        for (String room : List.of("XR-N1", "XR-S1", "XR-S2")) {
            api.ledger.claim(ReservationId.random(), Occupancy.of(exam, eight).cells(new ResourceId(room)));
        }
        Reply all = availability("XRAY-CHEST", "2027-03-02", "2027-03-02", null);
        List<JsonNode> withRoom = new ArrayList<>();
        all.body().forEach(slot -> {
            if (slot.get("available").asInt() > 0) {
                withRoom.add(slot);
            }
        });
        assertThat(all.body().get(0).get("available").asInt()).as("the very first start is full").isZero();

        Reply first = api.send(Req.get("/api/v1/availability").query("examType", "XRAY-CHEST").query("from", "2027-03-02")
                .query("to", "2027-03-02").query("firstFree", "3"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).hasSize(3);
        assertThat(List.of(first.body().get(0), first.body().get(1), first.body().get(2))).isEqualTo(withRoom.subList(0, 3));
        assertThat(texts(first.body(), "start").getFirst()).isNotEqualTo("2027-03-02T08:00:00+01:00");
    }

    @ParameterizedTest
    @CsvSource({"0", "101", "-1", "+1", "01", "1.5", "one", "''", "99999999999"})
    void aFirstFreeThatIsNotAWholeNumberFrom1To100Is400(String firstFree) {
        Reply reply = api.send(Req.get("/api/v1/availability").query("examType", "XRAY-CHEST").query("from", "2027-03-02")
                .query("to", "2027-03-02").query("firstFree", firstFree));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("validation-failed");
        assertThat(reply.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("firstFree");
    }

    @Test
    void allParameterErrorsComeBackTogether() {
        Reply reply = availability(null, "yesterday", null, null);

        assertThat(reply.body().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("examType", "from", "to");
    }

    @Test
    void anAvailabilityAnswerIsKeptForASecondThenWorkedOutAgain() {
        Reply before = availability("XRAY-CHEST", "2027-03-02", "2027-03-02", "ROMA-SUD");
        takeXRaySud("2027-03-02T09:00:00Z");

        Reply kept = availability("XRAY-CHEST", "2027-03-02", "2027-03-02", "ROMA-SUD");
        api.clock.advance(java.time.Duration.ofMillis(999));
        Reply stillKept = availability("XRAY-CHEST", "2027-03-02", "2027-03-02", "ROMA-SUD");
        api.clock.advance(java.time.Duration.ofMillis(1));
        Reply fresh = availability("XRAY-CHEST", "2027-03-02", "2027-03-02", "ROMA-SUD");

        assertThat(kept.body()).isEqualTo(before.body());
        assertThat(stillKept.body()).isEqualTo(before.body());
        assertThat(kept.header("Content-Type")).contains("application/json");
        assertThat(find(fresh.body(), "2027-03-02T10:00:00+01:00", "ROMA-SUD").get("available").asInt()).isEqualTo(1);
    }

    @Test
    void aKeptAnswerIsOnlyGivenToTheSameQuestion() {
        availability("XRAY-CHEST", "2027-03-02", "2027-03-02", "ROMA-SUD");
        takeXRaySud("2027-03-02T09:00:00Z");

        Reply otherSites = availability("XRAY-CHEST", "2027-03-02", "2027-03-02", null);
        Reply otherDays = availability("XRAY-CHEST", "2027-03-02", "2027-03-03", "ROMA-SUD");

        assertThat(find(otherSites.body(), "2027-03-02T10:00:00+01:00", "ROMA-SUD").get("available").asInt()).isEqualTo(1);
        assertThat(find(otherDays.body(), "2027-03-02T10:00:00+01:00", "ROMA-SUD").get("available").asInt()).isEqualTo(1);
        assertThat(availability("MRI-KNEE", "2027-03-02", "2027-03-02", null).body())
                .isNotEqualTo(availability("XRAY-CHEST", "2027-03-02", "2027-03-02", null).body());
    }

    @Test
    void withNoCacheTimeEveryAnswerIsWorkedOutAgain() {
        Api uncached = new Api(new IntakeConfig(java.util.Optional.empty(), java.time.Duration.ofHours(1),
                Limits.standard(), java.time.Duration.ZERO));
        Req question = Req.get("/api/v1/availability").query("examType", "XRAY-CHEST").query("from", "2027-03-02")
                .query("to", "2027-03-02").query("site", "ROMA-SUD");
        uncached.send(question);
        var exam = uncached.center.examType(TestCenter.XRAY).orElseThrow();
        uncached.ledger.claim(ReservationId.random(),
                Occupancy.of(exam, Instant.parse("2027-03-02T09:00:00Z")).cells(new ResourceId("XR-S1")));

        Reply reply = uncached.send(question);

        assertThat(find(reply.body(), "2027-03-02T10:00:00+01:00", "ROMA-SUD").get("available").asInt()).isEqualTo(1);
    }

    @Test
    void aBadQuestionIsRefusedEvenWhenAnAnswerIsKept() {
        availability("XRAY-CHEST", "2027-03-02", "2027-03-02", null);

        assertThat(availability("XRAY-CHEST", "2027-03-02", "2027-02-02", null).status()).isEqualTo(400);
    }

    @Test
    void aRangeOfExactlyTheMaximumIsAccepted() {
        assertThat(availability("XRAY-CHEST", "2027-03-01", "2027-03-31", null).status()).isEqualTo(200);
    }

    private void takeXRaySud(String start) {
        var exam = api.center.examType(TestCenter.XRAY).orElseThrow();
        api.ledger.claim(ReservationId.random(), Occupancy.of(exam, Instant.parse(start)).cells(new ResourceId("XR-S1")));
    }

    private Reply availability(String exam, String from, String to, String site) {
        Req req = Req.get("/api/v1/availability");
        if (exam != null) {
            req.query("examType", exam);
        }
        if (from != null) {
            req.query("from", from);
        }
        if (to != null) {
            req.query("to", to);
        }
        if (site != null) {
            req.query("site", site);
        }
        return api.send(req);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    private static JsonNode find(JsonNode array, String start, String site) {
        for (JsonNode node : array) {
            if (node.get("start").asText().equals(start) && node.get("site").asText().equals(site)) {
                return node;
            }
        }
        throw new AssertionError("no entry " + start + " at " + site);
    }

    private static void assertDistinctInstants(List<String> starts) {
        var instants = new HashSet<Instant>();
        starts.forEach(s -> assertThat(instants.add(OffsetDateTime.parse(s).toInstant())).as(s).isTrue());
    }
}
