package com.medicarewizard.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.center.BookingPolicy;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Closure;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.OpeningHours;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedCenterCatalogTest {

    private static final SiteId SITE = new SiteId("ROMA-NORD");
    private static final ExamTypeCode MRI = new ExamTypeCode("MRI-KNEE");
    private static final ResourceKind SCANNER = new ResourceKind("MRI_SCANNER");

    @TempDir
    Path directory;

    static Center center() {
        OpeningHours hours = new OpeningHours(Map.of(
                DayOfWeek.MONDAY, List.of(new OpeningHours.Period(LocalTime.of(8, 0), LocalTime.of(13, 0)),
                        new OpeningHours.Period(LocalTime.of(14, 0), LocalTime.MAX))));
        return new Center(
                List.of(new Site(SITE, "Roma Nord", "Via Flaminia 1, Roma", ZoneId.of("Europe/Rome"))),
                List.of(new ExamType(MRI, "MRI of the knee", Duration.ofMinutes(30), "Remove metal objects.",
                        Duration.ofMinutes(5), Duration.ofMinutes(10), Set.of(SCANNER))),
                List.of(new Resource(new ResourceId("RN-MRI-1"), SITE, "MRI 1", SCANNER, Set.of(MRI), hours)),
                List.of(Closure.ofSite(SITE, LocalDate.of(2030, 8, 15), LocalDate.of(2030, 8, 15), "Ferragosto"),
                        new Closure(SITE, Optional.of(new ResourceId("RN-MRI-1")), LocalDate.of(2030, 3, 1),
                                LocalDate.of(2030, 3, 2), "maintenance")),
                BookingPolicy.standard());
    }

    @Test
    void writesTheSeedOnFirstStartAndReadsItBackEqual() {
        Path file = directory.resolve("config/center.json");
        Center read = new EmbeddedCenterCatalog(file, EmbeddedCenterCatalogTest::center).current();
        assertThat(file).exists();
        assertThat(read).isEqualTo(center());
    }

    /** Issue 16, finding 8: the exam types' texts in the patient's language, written by the center and kept. */
    @Test
    void theDemoCentersItalianExamTextsAreWrittenAndReadBack() throws IOException {
        Path file = directory.resolve("demo/center.json");
        Center read = new EmbeddedCenterCatalog(file,
                () -> com.medicarewizard.runtime.demo.DemoCenter.create(java.time.LocalDate.of(2030, 1, 1))).current();
        var mri = read.examType(new com.medicarewizard.domain.center.ExamTypeCode("MRI-KNEE")).orElseThrow();
        assertThat(mri.name("it")).isEqualTo("Risonanza magnetica del ginocchio");
        assertThat(mri.preparation("it")).startsWith("Rimuovi tutti gli oggetti metallici");
        assertThat(mri.name("en")).isEqualTo("MRI of the knee");
        assertThat(Files.readString(file)).contains("\"translations\"", "\"it\"");
        assertThat(read.examTypes()).allSatisfy(exam -> assertThat(exam.translations()).containsKey("it"));
    }

    @Test
    void writesCodesAndTimesAsPlainStringsAnAdministratorCanEdit() throws IOException {
        Path file = directory.resolve("center.json");
        new EmbeddedCenterCatalog(file, EmbeddedCenterCatalogTest::center);
        assertThat(Files.readString(file)).contains("\"ROMA-NORD\"", "\"MRI_SCANNER\"", "\"PT30M\"",
                "\"Europe/Rome\"", "\"08:00:00\"", "\"2030-08-15\"");
    }

    @Test
    void theSeedIsUsedOnlyWhenTheFileIsAbsent() {
        Path file = directory.resolve("center.json");
        AtomicInteger seeded = new AtomicInteger();
        new EmbeddedCenterCatalog(file, () -> {
            seeded.incrementAndGet();
            return center();
        });
        Center again = new EmbeddedCenterCatalog(file, () -> {
            seeded.incrementAndGet();
            throw new AssertionError("seeded twice");
        }).current();
        assertThat(seeded).hasValue(1);
        assertThat(again).isEqualTo(center());
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        new EmbeddedCenterCatalog(directory.resolve("center.json"), EmbeddedCenterCatalogTest::center);
        try (var files = Files.list(directory)) {
            assertThat(files).extracting(f -> f.getFileName().toString()).containsExactly("center.json");
        }
    }

    @Test
    void aBrokenFileGivesAClearError() throws IOException {
        Path file = directory.resolve("center.json");
        Files.writeString(file, "{\"sites\": [");
        assertThatThrownBy(() -> new EmbeddedCenterCatalog(file, EmbeddedCenterCatalogTest::center))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the center file " + file + " is not a valid center");
    }

    @Test
    void aCenterItsOwnRulesRefuseGivesTheDomainsReason() throws IOException {
        Path file = directory.resolve("center.json");
        new EmbeddedCenterCatalog(file, EmbeddedCenterCatalogTest::center);
        Files.writeString(file, Files.readString(file).replace("\"site\" : \"ROMA-NORD\"", "\"site\" : \"MILANO\""));
        assertThatThrownBy(() -> new EmbeddedCenterCatalog(file, EmbeddedCenterCatalogTest::center))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is at unknown site MILANO");
    }

    @Test
    void aMalformedCodeIsRefusedWithItsRule() throws IOException {
        Path file = directory.resolve("center.json");
        new EmbeddedCenterCatalog(file, EmbeddedCenterCatalogTest::center);
        Files.writeString(file, Files.readString(file).replace("\"MRI_SCANNER\"", "\"mri scanner\""));
        assertThatThrownBy(() -> new EmbeddedCenterCatalog(file, EmbeddedCenterCatalogTest::center))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resource kind must be");
    }
}
