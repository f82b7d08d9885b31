package com.medicarewizard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The website as the build packages it (target/classes/web): pages at the clean paths, assets
 * named by their content hash, nothing the Content-Security-Policy would block, and every text
 * in both message files.
 */
class BuiltSiteTest {
    private static final List<String> PAGES = List.of("index", "login", "register", "reset", "book", "bookings", "ops",
            "desk", "admin", "404");
    private static final Pattern ASSET = Pattern.compile("/assets/[A-Za-z0-9_./-]+\\.[A-Za-z0-9]+");
    private static final Pattern HASHED = Pattern.compile(".+\\.([0-9a-f]{10})\\.[a-z]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path built = builtSite();

    @Test
    void everyPageIsThereAndNamesOnlyHashedAssetsThatExist() throws IOException {
        for (String page : PAGES) {
            assertThat(built.resolve(page + ".html")).isRegularFile();
        }
        for (Path file : files(built)) {
            for (String reference : references(file)) {
                Path asset = built.resolve(reference.substring(1));
                assertThat(asset).as("%s references %s", file, reference).isRegularFile();
                Matcher hashed = HASHED.matcher(asset.getFileName().toString());
                assertThat(hashed.matches()).as("%s has a content hash in its name", reference).isTrue();
                assertThat(sha256(Files.readAllBytes(asset))).startsWith(hashed.group(1));
            }
        }
    }

    @Test
    void pagesHaveNoInlineScriptsStylesOrHandlers() throws IOException {
        for (String page : PAGES) {
            String html = Files.readString(built.resolve(page + ".html"));
            assertThat(html).as(page).doesNotContain("<style", " style=", "javascript:")
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContainPattern("\\son[a-z]+=");
            assertThat(html).as(page).containsPattern("<script type=\"module\" src=\"/assets/js/[a-z]+\\.[0-9a-f]{10}\\.js\">");
        }
    }

    @Test
    void bothLanguagesHaveEveryMessageTheSiteUses() throws IOException {
        Map<String, String> english = messages("en");
        Map<String, String> italian = messages("it");
        // exam names and preparations are the API's (English) text unless a translation is given
        Set<String> italianOwn = new TreeSet<>(italian.keySet());
        italianOwn.removeIf(key -> key.startsWith("exam."));
        assertThat(italianOwn).isEqualTo(english.keySet());
        assertThat(usedKeys()).isNotEmpty().allSatisfy(key -> assertThat(english).containsKey(key));
        english.forEach((key, text) -> assertThat(placeholders(italian.get(key))).as(key).isEqualTo(placeholders(text)));
    }

    @Test
    void theBuildStepGivesTheSameOutputForTheSameInput(@TempDir Path one, @TempDir Path two) throws Exception {
        Path module = built.getParent().getParent().getParent();
        hashAssets(module, one);
        hashAssets(module, two);
        Map<String, String> first = digests(one);
        assertThat(first).isEqualTo(digests(two)).isEqualTo(digests(built));
    }

    private static void hashAssets(Path module, Path out) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                module.resolve("src/build/HashAssets.java").toString(), module.resolve("site").toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern inHtml = Pattern.compile("data-i18n(?:-label)?=\"([a-zA-Z0-9.]+)\"");
        Pattern inScript = Pattern.compile("\\bt\\('([a-zA-Z0-9.]+)'|title: '([a-zA-Z0-9.]+)'");
        for (Path file : files(built)) {
            String text = Files.readString(file);
            Matcher m = (file.toString().endsWith(".html") ? inHtml : inScript).matcher(text);
            while (m.find()) {
                keys.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return keys;
    }

    private Map<String, String> messages(String language) throws IOException {
        try (Stream<Path> files = Files.list(built.resolve("assets/messages"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(language + ".")).findFirst().orElseThrow();
            Map<String, String> read = JSON.readValue(file.toFile(),
                    JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            return new TreeMap<String, String>(read);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> references(Path file) throws IOException {
        String name = file.toString();
        if (!(name.endsWith(".html") || name.endsWith(".js") || name.endsWith(".css"))) {
            return List.of();
        }
        return ASSET.matcher(Files.readString(file)).results().map(java.util.regex.MatchResult::group).toList();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        for (Path file : files(root)) {
            digests.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
        }
        return digests;
    }

    private static String sha256(byte[] bytes) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    private static Path builtSite() {
        try {
            return Path.of(BuiltSiteTest.class.getResource("/web/index.html").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
