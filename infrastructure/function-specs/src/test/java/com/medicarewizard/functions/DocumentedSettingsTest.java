package com.medicarewizard.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents say what the specs say: the two marked tables of docs/operations.md, every setting
 * quoted as {@code `label: value`} (or {@code `label (AWS): value`}, {@code `label (local): value`}) in
 * README.md and docs/, and README's defaults of the embedded runtime's variables.
 */
class DocumentedSettingsTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("mcw.repository", "../.."));
    private static final Pattern QUOTE = Pattern.compile("`([a-z][a-z -]*?)(?: \\((AWS|local)\\))?: ([^`]+)`");
    /** A quote whose label starts so is meant to be a setting: an unknown one is a typo or a setting gone. */
    private static final List<String> SETTING_WORDS = Stream.concat(
            FunctionSpecs.all().stream().map(FunctionSpec::name), Stream.of("queue", "token")).toList();

    @Test
    void theOperationsGuideListsEveryFunctionAsSpecified() {
        List<List<String>> rows = table("docs/operations.md", "function-specs:functions");
        assertThat(rows).as("rows of the functions table (without their notes)")
                .map(row -> row.subList(0, Math.min(row.size(), 6)))
                .containsExactlyElementsOf(SpecText.functions().stream().map(SpecText.FunctionRow::cells).toList());
    }

    @Test
    void theOperationsGuideListsEverySettingAsSpecified() {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        table("docs/operations.md", "function-specs:settings").forEach(row ->
                documented.put(row.getFirst(), row.subList(1, Math.min(row.size(), 3))));
        Map<String, List<String>> specified = new LinkedHashMap<>();
        SpecText.settings().forEach(s -> specified.put(s.label(), List.of(s.value().aws(), s.value().local())));
        assertThat(documented).as("setting → [AWS, embedded runtime]").isEqualTo(specified);
    }

    @Test
    void theOperationsGuideListsExactlyTheDeployedAlarms() {
        assertThat(table("docs/operations.md", "function-specs:alarms")).as("rows of the alarms table (without notes)")
                .map(row -> row.subList(0, Math.min(row.size(), 5)))
                .containsExactlyElementsOf(SpecText.alarms());
    }

    @Test
    void everySettingQuotedInTheDocumentsIsTheSpecifiedValue() {
        Map<String, PerRuntime<String>> quotable = SpecText.quotable();
        List<String> wrong = new ArrayList<>();
        int quotes = 0;
        for (Path document : documents()) {
            Matcher quote = QUOTE.matcher(read(document));
            while (quote.find()) {
                String label = quote.group(1);
                if (quotable.containsKey(label)) {
                    quotes++;
                    String expected = expected(quotable.get(label), quote.group(2));
                    if (!expected.equals(quote.group(3).strip())) {
                        wrong.add(document.getFileName() + ": " + quote.group() + " — the spec says " + expected);
                    }
                } else if (SETTING_WORDS.stream().anyMatch(word -> label.startsWith(word + " "))) {
                    wrong.add(document.getFileName() + ": " + quote.group() + " — no such setting");
                }
            }
        }
        assertThat(wrong).as("quotes that disagree with FunctionSpecs").isEmpty();
        assertThat(quotes).as("settings quoted in the documents").isGreaterThan(0);
    }

    @Test
    void theReadmesDefaultsAreTheEmbeddedRuntimesValues() {
        Map<String, String> defaults = new LinkedHashMap<>();
        read(REPOSITORY.resolve("README.md")).lines().filter(line -> line.startsWith("| `MCW_"))
                .map(DocumentedSettingsTest::cells).forEach(cells -> defaults.put(cells.get(0), cells.get(1)));
        assertThat(defaults).containsEntry("MCW_SWEEP_AFTER_SECONDS",
                        Long.toString(FunctionSpecs.SWEEPER.patience().local().toSeconds()))
                .containsEntry("MCW_MAX_RECEIVE_COUNT",
                        Integer.toString(FunctionSpecs.ALLOCATOR.queue().maxReceiveCount()))
                .containsEntry("MCW_TOKEN_TTL_SECONDS", Long.toString(FunctionSpecs.INTAKE.tokenLifetime().toSeconds()))
                .containsEntry(AbuseLimits.ACTIVE_BOOKINGS, Integer.toString(FunctionSpecs.LIMITS.activeBookingsPerPatient()))
                .containsEntry(AbuseLimits.MESSAGES_PER_HOUR,
                        Integer.toString(FunctionSpecs.LIMITS.messagesPerRecipientPerHour()));
    }

    /** A quote without a runtime gives the value both share, or both values as the tables write them. */
    private static String expected(PerRuntime<String> value, String runtime) {
        if (runtime == null) {
            return SpecText.cell(value);
        }
        return runtime.equals("AWS") ? value.aws() : value.local();
    }

    /** The rows (cells, backticks dropped) of the table that follows {@code <!-- marker -->}. */
    private static List<List<String>> table(String document, String marker) {
        List<String> lines = read(REPOSITORY.resolve(document)).lines().toList();
        int at = lines.indexOf("<!-- " + marker + " -->");
        assertThat(at).as(document + " has the marker <!-- " + marker + " -->").isNotNegative();
        return lines.stream().skip(at + 1).takeWhile(line -> line.startsWith("|")).skip(2)
                .map(DocumentedSettingsTest::cells).toList();
    }

    private static List<String> cells(String row) {
        String inner = row.strip().substring(1, row.strip().length() - (row.strip().endsWith("|") ? 1 : 0));
        return Arrays.stream(inner.split("\\|", -1)).map(cell -> cell.replace("`", "").strip()).toList();
    }

    private static List<Path> documents() {
        try (Stream<Path> docs = Files.walk(REPOSITORY.resolve("docs"))) {
            List<Path> all = new ArrayList<>(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
            all.add(REPOSITORY.resolve("README.md"));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path document) {
        try {
            return Files.readString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
