package com.medicarewizard.edge.local;

import com.medicarewizard.edge.PathSegments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the website's files from the classpath as S3 website hosting (behind CloudFront) does:
 * index documents for {@code /} and the clean paths, content types by extension, cache headers
 * by kind of file, ETags with conditional GET, and a 404 page.
 */
final class StaticSite {

    private static final Set<String> METHODS = Set.of("GET", "HEAD");
    private static final String NOT_FOUND_PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
            <body><main><h1>Page not found</h1><p><a href="/">MediCareWizard home</a></p></main></body></html>
            """;

    private final ClasspathFiles files;
    private final Map<String, Optional<StaticFile>> resolved = new ConcurrentHashMap<>();

    StaticSite(String root) {
        this.files = new ClasspathFiles(root);
    }

    Reply serve(String method, String rawPath, String ifNoneMatch) {
        if (!METHODS.contains(method)) {
            return Problems.methodNotAllowed(METHODS);
        }
        Optional<StaticFile> file = relativePath(rawPath).flatMap(this::resolve);
        if (file.isEmpty()) {
            return notFound();
        }
        StaticFile found = file.get();
        Reply reply = found.matches(ifNoneMatch)
                ? new Reply(304, Map.of(), new byte[0])
                : Reply.of(200, found.contentType(), found.bytes());
        return reply.with("ETag", found.etag()).with("Cache-Control", found.cacheControl());
    }

    /** Only paths that were resolved are remembered, so unknown paths cannot grow the cache. */
    private Optional<StaticFile> resolve(String relative) {
        Optional<StaticFile> known = resolved.get(relative);
        if (known != null) {
            return known;
        }
        Optional<StaticFile> file = candidates(relative).stream()
                .map(files::read).flatMap(Optional::stream).findFirst();
        file.ifPresent(f -> resolved.put(relative, file));
        return file;
    }

    /** {@code /} and {@code dir/} → index.html; {@code /login} → login.html or login/index.html. */
    private static List<String> candidates(String relative) {
        if (relative.isEmpty() || relative.endsWith("/")) {
            return List.of(relative + "index.html");
        }
        return List.of(relative, relative + ".html", relative + "/index.html");
    }

    /**
     * The path below the site root, decoded; empty when it is not a plain relative path (dot
     * segments, encoded slashes or backslashes, NUL), so nothing outside the root is reachable.
     */
    static Optional<String> relativePath(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        var relative = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment;
            try {
                segment = PathSegments.decode(segments[i]);
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
            boolean last = i == segments.length - 1;
            if (!plain(segment) || (segment.isEmpty() && !last)) {
                return Optional.empty();
            }
            relative.append(segment).append(last ? "" : "/");
        }
        return Optional.of(relative.toString());
    }

    private static boolean plain(String segment) {
        return !segment.equals(".") && !segment.equals("..")
                && segment.indexOf('/') < 0 && segment.indexOf('\\') < 0 && segment.indexOf('\0') < 0;
    }

    private Reply notFound() {
        Optional<StaticFile> page = files.read("404.html");
        byte[] body = page.map(StaticFile::bytes).orElse(NOT_FOUND_PAGE.getBytes(StandardCharsets.UTF_8));
        return Reply.of(404, MediaTypes.forFileName("404.html"), body).with("Cache-Control", "no-cache");
    }
}
