package com.medicarewizard.performance.load;

import java.util.Locale;

/** Numbers as the docs write them: thousands separated by commas, a point for decimals. */
final class Format {
    private Format() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String millis(long ms) {
        return String.format(Locale.ROOT, "%,d ms", ms);
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, "%,.1f ms", ms);
    }

    static String decimal(double x) {
        return String.format(Locale.ROOT, x < 10 ? "%,.2f" : "%,.1f", x);
    }

    static String percent(double x) {
        return String.format(Locale.ROOT, "%.2f %%", x);
    }
}
