package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.table.layout.ItemLayout;
import com.medicarewizard.table.layout.TableIndex;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The table of {@link ItemLayout} as a CreateTable request, for local servers (tests, dynalite);
 * the deployed table is defined in {@code infrastructure/cdk} from the same {@link TableIndex#ALL}.
 */
public final class TableDefinition {

    private TableDefinition() {
    }

    public static CreateTableRequest createTable(String name) {
        Set<String> keyAttributes = new LinkedHashSet<>(List.of(ItemLayout.PK, ItemLayout.SK));
        TableIndex.ALL.forEach(index -> {
            keyAttributes.add(index.partitionAttribute());
            keyAttributes.add(index.sortAttribute());
        });
        return CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(keyAttributes.stream().map(a -> AttributeDefinition.builder()
                        .attributeName(a).attributeType(ScalarAttributeType.S).build()).toList())
                .keySchema(keys(ItemLayout.PK, ItemLayout.SK))
                .globalSecondaryIndexes(TableIndex.ALL.stream().map(index -> GlobalSecondaryIndex.builder()
                        .indexName(index.name())
                        .keySchema(keys(index.partitionAttribute(), index.sortAttribute()))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()).toList())
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .build();
    }

    private static List<KeySchemaElement> keys(String partition, String sort) {
        return List.of(KeySchemaElement.builder().attributeName(partition).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(sort).keyType(KeyType.RANGE).build());
    }
}
