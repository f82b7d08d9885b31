package com.medicarewizard.lambda.common;

import com.medicarewizard.adapter.dynamodb.DynamoDbItemTable;
import com.medicarewizard.adapter.json.JsonCenterCatalog;

import com.medicarewizard.adapter.table.TableCenterVersions;
import com.medicarewizard.port.CenterVersions;
import com.medicarewizard.port.VersionedCenterCatalog;
import com.medicarewizard.table.ItemTable;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every function needs: the table (its client built once), the center (kept in the table, versioned)
 * and the clock.
 */
public record TablePorts(ItemTable table, VersionedCenterCatalog catalog, Clock clock) {

    /** The center document every function's artifact ships. */
    public static final String CENTER_DOCUMENT = "center.json";

    public static TablePorts from(AwsSettings settings) {
        DynamoDbClient dynamoDb = AwsClients.build(DynamoDbClient.builder(), "DYNAMODB", settings);
        ItemTable table = new DynamoDbItemTable(dynamoDb, settings.tableName());
        Clock clock = Clock.systemUTC();
        return new TablePorts(table, seededCatalog(new TableCenterVersions(table), CENTER_MAX_AGE, clock), clock);
    }

    /** How long a function keeps a version of the center before checking for a newer one (a small read). */
    public static final Duration CENTER_MAX_AGE = Duration.ofSeconds(2);

    /**
     * The center as the table keeps it, versioned; a fresh deployment's table is seeded once from the
     * artifact's center document (by whichever function uses it first), which is not read again after that.
     * Nothing is read before the first use: a function's start makes no call.
     */
    public static VersionedCenterCatalog seededCatalog(CenterVersions versions, Duration maxAge, Clock clock) {
        return new VersionedCenterCatalog(versions, () -> JsonCenterCatalog.fromResource(CENTER_DOCUMENT).current(),
                maxAge, clock);
    }
}
