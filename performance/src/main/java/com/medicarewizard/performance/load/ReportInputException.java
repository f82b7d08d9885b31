package com.medicarewizard.performance.load;

/** The load-test results cannot be read: a file is missing a column or holds a malformed value. */
public final class ReportInputException extends Exception {
    ReportInputException(String message) {
        super(message);
    }
}
