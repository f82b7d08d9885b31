package com.medicarewizard.lambda.common;

import com.medicarewizard.adapter.dynamodb.DynamoDbItemTable;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.adapter.json.JsonCenterCatalog;
import com.medicarewizard.port.CenterCatalog;

import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every function needs: the table (its client built once), the center document and the clock. */
public record TablePorts(ItemTable table, CenterCatalog catalog, Clock clock) {

    /** The center document every function's artifact ships. */
    public static final String CENTER_DOCUMENT = "center.json";

    public static TablePorts from(AwsSettings settings) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), "DYNAMODB", settings);
        return new TablePorts(new DynamoDbItemTable(dynamoDb, settings.tableName()),
                JsonCenterCatalog.fromResource(CENTER_DOCUMENT), Clock.systemUTC());
    }
}
