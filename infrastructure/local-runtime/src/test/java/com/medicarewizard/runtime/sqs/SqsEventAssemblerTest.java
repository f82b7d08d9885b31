package com.medicarewizard.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

class SqsEventAssemblerTest {

    private static final Message MESSAGE = Message.builder()
            .messageId("059f36b4-87a3-44ab-83d2-661975830a7d")
            .receiptHandle("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a")
            .body("{\"requestId\":\"r-1\"}")
            .md5OfBody("e4e68fb7bd0e697a0ae8f1bb342846b3")
            .attributesWithStrings(Map.of("ApproximateReceiveCount", "2", "SentTimestamp", "1545082649183",
                    "SenderId", "AIDAIENQZJOLO23YVJ4VO", "ApproximateFirstReceiveTimestamp", "1545082649185"))
            .messageAttributes(Map.of(
                    "correlationId", MessageAttributeValue.builder().dataType("String").stringValue("c-1").build(),
                    "blob", MessageAttributeValue.builder().dataType("Binary")
                            .binaryValue(SdkBytes.fromString("hi", StandardCharsets.UTF_8)).build()))
            .build();

    private final SqsEventAssembler assembler = new SqsEventAssembler();

    @Test
    void theJsonHasLambdasShape() {
        String json = assembler.toJson("bookings", List.of(MESSAGE));
        assertThat(json).startsWith("{\"Records\":[{")
                .contains("\"eventSource\":\"aws:sqs\"")
                .contains("\"eventSourceARN\":\"arn:aws:sqs:eu-south-1:000000000000:bookings\"")
                .contains("\"awsRegion\":\"eu-south-1\"")
                .contains("\"stringListValues\":[]");
    }

    @Test
    void handlersSeeEveryFieldThroughLambdasSerializer() {
        SQSEvent event = assembler.assemble("bookings", List.of(MESSAGE));
        assertThat(event.getRecords()).hasSize(1);
        SQSMessage record = event.getRecords().get(0);
        assertThat(record.getMessageId()).isEqualTo(MESSAGE.messageId());
        assertThat(record.getReceiptHandle()).isEqualTo(MESSAGE.receiptHandle());
        assertThat(record.getBody()).isEqualTo(MESSAGE.body());
        assertThat(record.getMd5OfBody()).isEqualTo(MESSAGE.md5OfBody());
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:eu-south-1:000000000000:bookings");
        assertThat(record.getAwsRegion()).isEqualTo("eu-south-1");
        assertThat(record.getAttributes()).containsEntry("ApproximateReceiveCount", "2")
                .containsKeys("SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
        assertThat(record.getMessageAttributes().get("correlationId").getStringValue()).isEqualTo("c-1");
        assertThat(record.getMessageAttributes().get("correlationId").getDataType()).isEqualTo("String");
        String blob = StandardCharsets.UTF_8.decode(record.getMessageAttributes().get("blob").getBinaryValue())
                .toString();
        assertThat(blob).isEqualTo("hi");
    }
}
