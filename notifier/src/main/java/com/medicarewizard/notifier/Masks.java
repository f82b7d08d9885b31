package com.medicarewizard.notifier;

/** Recipients as operators may see them: enough to tell two apart, not enough to reach anyone. */
public final class Masks {

    private Masks() {
    }

    /** {@code maria.rossi@example.org} → {@code m***@example.org}. */
    public static String email(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
