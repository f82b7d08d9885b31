package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.http.Request;

import java.util.Locale;
import java.util.Optional;

/** The token of an {@code Authorization: Bearer <token>} header, if the request has one. */
public final class BearerToken {
    /** Far beyond our 43-character tokens; longer values are not worth hashing. */
    private static final int MAX_LENGTH = 512;

    /** The shape of an access token, the patients' and the staff's alike: 32 random bytes, base64url. */
    private static final java.util.regex.Pattern ACCESS_TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

    private BearerToken() {
    }

    /**
     * Whether {@code token} has the shape of an access token ({@link DeviceTokens#randomToken}); only such a
     * token is looked up, so that {@code Bearer device:<token>} never finds a device token's item.
     */
    public static boolean isAccessToken(String token) {
        return ACCESS_TOKEN.matcher(token).matches();
    }

    public static Optional<String> of(Request request) {
        return request.header("Authorization")
                .map(String::strip)
                .filter(value -> value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer "))
                .map(value -> value.substring(7).strip())
                .filter(token -> !token.isEmpty() && token.length() <= MAX_LENGTH);
    }
}
