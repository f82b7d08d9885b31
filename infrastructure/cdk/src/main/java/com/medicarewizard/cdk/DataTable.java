package com.medicarewizard.cdk;

import com.medicarewizard.table.layout.ItemLayout;
import com.medicarewizard.table.IndexDefinition;
import com.medicarewizard.table.layout.TableIndex;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * The one table of {@link ItemLayout} (see docs/adr/0004): on demand, streamed with both images for
 * the notifier, point-in-time recovery, encrypted, {@code expiresAt} as TTL, the indexes of
 * {@link TableIndex#ALL}. Retained when the stack is deleted: it holds the bookings.
 */
final class DataTable extends Construct {

    private final Table table;

    DataTable(Construct scope, String id) {
        super(scope, id);
        table = Table.Builder.create(this, "Table")
                .partitionKey(key(ItemLayout.PK))
                .sortKey(key(ItemLayout.SK))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.AWS_MANAGED)
                .timeToLiveAttribute(ItemLayout.EXPIRES_AT)
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (IndexDefinition index : TableIndex.ALL) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(key(index.partitionAttribute()))
                    .sortKey(key(index.sortAttribute()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
    }

    private static Attribute key(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    Table table() {
        return table;
    }
}
