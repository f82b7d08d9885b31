package com.medicarewizard.edge.local;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One file of the website with the headers S3 and CloudFront give it.
 *
 * @param etag a strong validator derived from the content
 * @param cacheControl HTML is revalidated every time (it names the current assets), files whose
 *     name carries a content hash never change, anything else may be cached for five minutes
 */
record StaticFile(byte[] bytes, String contentType, String etag, String cacheControl) {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    static final String SHORT = "public, max-age=300";

    /** {@code app.3f9a2c1b.js}, {@code chunk-3f9a2c1b.css}: eight or more hex digits before the extension. */
    private static final Pattern HASHED = Pattern.compile(".+[.-][0-9a-f]{8,}\\.[A-Za-z0-9]+");

    static StaticFile of(String name, byte[] bytes) {
        String contentType = MediaTypes.forFileName(name);
        return new StaticFile(bytes, contentType, etagOf(bytes), cacheControl(name, contentType));
    }

    private static String cacheControl(String name, String contentType) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        if (contentType.startsWith("text/html")) {
            return REVALIDATE;
        }
        return HASHED.matcher(fileName).matches() ? IMMUTABLE : SHORT;
    }

    /** True when the client's If-None-Match names this content (weak comparison, as for GET). */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        String ours = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || opaque(candidate).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
