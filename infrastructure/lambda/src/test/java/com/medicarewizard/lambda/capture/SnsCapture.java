package com.medicarewizard.lambda.capture;

import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SNS on its wire protocol, the AWS Query protocol of SDK 2.59.1's client ({@code POST /}, a form
 * body with {@code Action=Publish&Version=2010-03-31…}, XML answers): records each {@code Publish}
 * (the phone number or topic, the text and the message attributes) and answers with a message id.
 * Throttling is SNS's {@code ThrottledException}: HTTP 429, code {@code Throttling}.
 */
public final class SnsCapture extends CaptureEndpoint<SnsCapture.Publish> {

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    public SnsCapture() {
        super(429, "Throttling", "InternalError");
    }

    /** One Publish: to a phone number (SMS) or a topic, with its text and string attributes. */
    public record Publish(Optional<String> phoneNumber, Optional<String> topicArn, String message,
                          Map<String, String> attributes) {
    }

    @Override
    protected Publish decode(HttpExchange exchange, byte[] body) {
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        if (!"Publish".equals(form.get("Action"))) {
            throw new BadRequest("InvalidAction", "The action " + form.get("Action") + " is not valid for this endpoint.");
        }
        if (!"2010-03-31".equals(form.get("Version"))) {
            throw new BadRequest("InvalidParameterValue", "unexpected API version " + form.get("Version"));
        }
        String message = form.get("Message");
        if (message == null || message.isEmpty()) {
            throw new BadRequest("InvalidParameter", "Invalid parameter: Empty message");
        }
        Optional<String> phone = Optional.ofNullable(form.get("PhoneNumber"));
        Optional<String> topic = Optional.ofNullable(form.get("TopicArn")).or(() -> Optional.ofNullable(form.get("TargetArn")));
        if (phone.isEmpty() == topic.isEmpty()) {
            throw new BadRequest("InvalidParameter", "Invalid parameter: one of PhoneNumber, TopicArn or TargetArn");
        }
        if (phone.isPresent() && !phone.get().matches("\\+[1-9][0-9]{6,14}")) {
            throw new BadRequest("InvalidParameter", "Invalid parameter: PhoneNumber Reason: not E.164");
        }
        return new Publish(phone, topic, message, attributes(form));
    }

    /** {@code MessageAttributes.entry.N.Name} and {@code …Value.StringValue}, by name. */
    private static Map<String, String> attributes(Map<String, String> form) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n;
            attributes.put(form.get(prefix + ".Name"), form.get(prefix + ".Value.StringValue"));
        }
        return Map.copyOf(attributes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                form.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    protected void answer(HttpExchange exchange, Publish request) throws java.io.IOException {
        String xml = "<PublishResponse xmlns=\"" + NAMESPACE + "\"><PublishResult><MessageId>" + UUID.randomUUID()
                + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></PublishResponse>";
        send(exchange, 200, "text/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Override
    protected void error(HttpExchange exchange, int status, String code, String message) throws java.io.IOException {
        String xml = "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>" + (status < 500 ? "Sender" : "Receiver")
                + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestId>"
                + UUID.randomUUID() + "</RequestId></ErrorResponse>";
        send(exchange, status, "text/xml", xml.getBytes(StandardCharsets.UTF_8), Map.of());
    }

}
