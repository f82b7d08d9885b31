package com.medicarewizard.runtime.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Turns received SQS messages into the {@link SQSEvent} a handler gets on Lambda: first the JSON
 * document Lambda's poller produces, then deserialized with Lambda's own serializer, so that
 * field names, attribute maps and binary values come out exactly as in AWS.
 */
public final class SqsEventAssembler {

    private final ObjectMapper json = new ObjectMapper();
    private final PojoSerializer<SQSEvent> serializer =
            LambdaEventSerializers.serializerFor(SQSEvent.class, SQSEvent.class.getClassLoader());

    /** The event for a batch received from the named queue. */
    public SQSEvent assemble(String queueName, List<Message> messages) {
        return serializer.fromJson(toJson(queueName, messages));
    }

    /** The AWS JSON shape of the event (what Lambda would hand a non-Java runtime). */
    public String toJson(String queueName, List<Message> messages) {
        ObjectNode event = json.createObjectNode();
        ArrayNode records = event.putArray("Records");
        messages.forEach(message -> records.add(record(queueName, message)));
        return event.toString();
    }

    private ObjectNode record(String queueName, Message message) {
        ObjectNode record = json.createObjectNode();
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        ObjectNode attributes = record.putObject("attributes");
        message.attributesAsStrings().forEach(attributes::put);
        ObjectNode messageAttributes = record.putObject("messageAttributes");
        message.messageAttributes().forEach((name, value) ->
                messageAttributes.set(name, messageAttribute(value)));
        record.put("md5OfBody", message.md5OfBody());
        if (message.md5OfMessageAttributes() != null) {
            record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
        }
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", queueArn(queueName));
        record.put("awsRegion", EmbeddedSqsServer.REGION);
        return record;
    }

    private ObjectNode messageAttribute(MessageAttributeValue value) {
        ObjectNode node = json.createObjectNode();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put("binaryValue", base64(value.binaryValue()));
        }
        // Lambda always sends both lists, empty when the attribute has a single value
        ArrayNode strings = node.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = node.putArray("binaryListValues");
        value.binaryListValues().forEach(bytes -> binaries.add(base64(bytes)));
        node.put("dataType", value.dataType());
        return node;
    }

    /** The queue's ARN in the local region and account. */
    public static String queueArn(String queueName) {
        return "arn:aws:sqs:" + EmbeddedSqsServer.REGION + ":" + EmbeddedSqsServer.ACCOUNT_ID + ":" + queueName;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
