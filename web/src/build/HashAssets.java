import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The website's build step: copies the site to the output folder, giving every file under
 * {@code assets/} a name that carries a hash of its content ({@code app.js} → {@code
 * app.1a2b3c4d5e.js}) and rewriting every {@code /assets/...} reference to the hashed name.
 * A file's hash covers the hashed names of the files it references, so changing a module changes
 * the names of every module that imports it, and a page always names a consistent set. Pages
 * (HTML outside {@code assets/}) keep their names: they are the clean paths.
 *
 * <p>Plain Java run from source ({@code java HashAssets.java SITE OUT}) by the web module's
 * build: no plugin and no JavaScript toolchain, and the same input always gives the same output.
 */
public final class HashAssets {
    private static final Pattern REFERENCE = Pattern.compile("/assets/[A-Za-z0-9_./-]+\\.[A-Za-z0-9]+");
    private static final Set<String> TEXT = Set.of("html", "js", "mjs", "css", "json", "svg", "webmanifest", "txt");
    private static final int HASH_HEX_DIGITS = 10;

    private final Path site;
    private final Map<String, String> hashedNames = new LinkedHashMap<>();
    private final Map<String, byte[]> outputs = new LinkedHashMap<>();
    private final Deque<String> resolving = new ArrayDeque<>();

    private HashAssets(Path site) {
        this.site = site;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: java HashAssets.java SITE_DIR OUTPUT_DIR");
        }
        var build = new HashAssets(Path.of(args[0]).toAbsolutePath().normalize());
        build.run();
        build.write(Path.of(args[1]).toAbsolutePath().normalize());
    }

    private void run() throws IOException {
        for (String file : files()) {
            if (file.startsWith("assets/")) {
                hashedName(file);
            } else {
                outputs.put(file, rewritten(file));
            }
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** The hashed name of an asset, computed after the assets it references (a cycle is an error). */
    private String hashedName(String asset) {
        String known = hashedNames.get(asset);
        if (known != null) {
            return known;
        }
        if (resolving.contains(asset)) {
            throw new IllegalStateException("assets reference each other in a cycle: " + resolving + " -> " + asset);
        }
        resolving.push(asset);
        byte[] content = rewritten(asset);
        resolving.pop();
        int dot = asset.lastIndexOf('.');
        String name = asset.substring(0, dot) + "." + hash(content) + asset.substring(dot);
        hashedNames.put(asset, name);
        outputs.put(name, content);
        return name;
    }

    private byte[] rewritten(String file) {
        byte[] bytes = read(file);
        if (!TEXT.contains(extension(file))) {
            return bytes;
        }
        Matcher m = REFERENCE.matcher(new String(bytes, StandardCharsets.UTF_8));
        var out = new StringBuilder();
        while (m.find()) {
            String target = m.group().substring(1);
            if (!Files.isRegularFile(site.resolve(target))) {
                throw new IllegalStateException(file + " references " + m.group() + ", which is not in the site");
            }
            m.appendReplacement(out, Matcher.quoteReplacement("/" + hashedName(target)));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(Path out) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> old = Files.walk(out)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (var entry : outputs.entrySet()) {
            Path target = out.resolve(entry.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, entry.getValue());
        }
        System.out.printf("HashAssets: %d files, %d hashed assets -> %s%n", outputs.size(), hashedNames.size(), out);
    }

    private byte[] read(String file) {
        try {
            return Files.readAllBytes(site.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String file) {
        return file.substring(file.lastIndexOf('.') + 1);
    }

    private static String hash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
