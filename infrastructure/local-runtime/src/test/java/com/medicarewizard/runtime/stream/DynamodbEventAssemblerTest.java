package com.medicarewizard.runtime.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DynamodbEventAssemblerTest {

    private static final Item TOKEN = Item.of(new Key("TOKEN#abc", "TOKEN")).with("expiresAt", 1_700_000_000L);

    @Test
    void aDeletionByTimeToLiveCarriesTheServiceAsItsUserIdentityAsInDynamoDb() {
        DynamodbEvent event = new DynamodbEventAssembler().assemble(List.of(
                new StreamRecord(1, StreamRecord.REMOVE, TOKEN.key(), Optional.of(TOKEN), Optional.empty(),
                        Instant.parse("2026-12-06T08:00:00Z"), true),
                new StreamRecord(2, StreamRecord.REMOVE, TOKEN.key(), Optional.of(TOKEN), Optional.empty(),
                        Instant.parse("2026-12-06T08:00:00Z"))));

        var expired = event.getRecords().getFirst();
        assertThat(expired.getEventName()).isEqualTo("REMOVE");
        assertThat(expired.getUserIdentity().getType()).isEqualTo("Service");
        assertThat(expired.getUserIdentity().getPrincipalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(event.getRecords().get(1).getUserIdentity()).as("a patient's delete").isNull();
    }
}
