package com.medicarewizard.allocator;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.HashMap;
import java.util.Map;

/** The string message attributes of a queued message (where the correlation id travels). */
public final class MessageAttributes {

    private MessageAttributes() {
    }

    public static Map<String, String> strings(SQSEvent.SQSMessage message) {
        Map<String, String> values = new HashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> {
                if (value.getStringValue() != null) {
                    values.put(name, value.getStringValue());
                }
            });
        }
        return values;
    }
}
