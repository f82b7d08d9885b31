package com.medicarewizard.lambda.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SES v2 on its wire protocol, REST-JSON ({@code POST /v2/email/outbound-emails}, errors named by
 * the {@code x-amzn-ErrorType} header): records each {@code SendEmail} — sender, recipients and the
 * simple content (subject, text, attachments decoded from base64) or the raw MIME message — and
 * answers with a message id. Throttling is SES's {@code TooManyRequestsException} (HTTP 429).
 */
public final class SesCapture extends CaptureEndpoint<SesCapture.Email> {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SesCapture() {
        super(429, "TooManyRequestsException", "InternalFailure");
    }

    /** One SendEmail: simple content ({@code subject}, {@code text}, {@code attachments}) or {@code raw} MIME. */
    public record Email(String from, List<String> to, List<String> cc, List<String> bcc, Optional<String> subject,
                        Optional<String> text, Optional<String> html, List<Attachment> attachments,
                        Optional<String> raw) {
    }

    /** An attachment of simple content, its bytes decoded. */
    public record Attachment(String fileName, String contentType, String disposition, String transferEncoding,
                             byte[] content) {

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    @Override
    protected Email decode(HttpExchange exchange, byte[] body) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())
                || !"/v2/email/outbound-emails".equals(exchange.getRequestURI().getPath())) {
            throw new BadRequest("NotFoundException", "no route " + exchange.getRequestURI().getPath());
        }
        JsonNode request = JSON.readTree(body);
        JsonNode destination = request.path("Destination");
        List<String> to = strings(destination.path("ToAddresses"));
        List<String> cc = strings(destination.path("CcAddresses"));
        List<String> bcc = strings(destination.path("BccAddresses"));
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new BadRequest("BadRequestException", "Missing final '@domain'");
        }
        JsonNode content = request.path("Content");
        JsonNode simple = content.path("Simple");
        if (!simple.isMissingNode()) {
            return new Email(request.path("FromEmailAddress").asText(), to, cc, bcc,
                    data(simple.path("Subject")), data(simple.path("Body").path("Text")),
                    data(simple.path("Body").path("Html")), attachments(simple.path("Attachments")), Optional.empty());
        }
        JsonNode raw = content.path("Raw").path("Data");
        if (raw.isTextual()) {
            return new Email(request.path("FromEmailAddress").asText(), to, cc, bcc, Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(),
                    Optional.of(new String(Base64.getDecoder().decode(raw.asText()), StandardCharsets.UTF_8)));
        }
        throw new BadRequest("BadRequestException", "Content must be Simple, Raw or Template");
    }

    private static List<Attachment> attachments(JsonNode array) {
        List<Attachment> attachments = new ArrayList<>();
        array.forEach(a -> attachments.add(new Attachment(a.path("FileName").asText(), a.path("ContentType").asText(null),
                a.path("ContentDisposition").asText(null), a.path("ContentTransferEncoding").asText(null),
                Base64.getDecoder().decode(a.path("RawContent").asText()))));
        return List.copyOf(attachments);
    }

    private static Optional<String> data(JsonNode content) {
        return content.isMissingNode() ? Optional.empty() : Optional.of(content.path("Data").asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    @Override
    protected void answer(HttpExchange exchange, Email request) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("MessageId", UUID.randomUUID().toString()));
        send(exchange, 200, "application/json", body, Map.of());
    }

    @Override
    protected void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(Map.of("message", message)),
                Map.of("x-amzn-ErrorType", code));
    }
}
