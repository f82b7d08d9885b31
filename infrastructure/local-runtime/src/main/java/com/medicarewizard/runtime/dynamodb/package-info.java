/**
 * DynamoDB's and DynamoDB Streams' wire protocols on loopback, served by the embedded table: for
 * running the AWS SDK adapters and the Lambda entries whole on one machine (the AWS pipeline test,
 * benchmarks), with what dynalite lacks — TransactWriteItems with cancellation reasons, and the
 * Streams API — and injected faults.
 *
 * <p>Served: CreateTable (the table exists: ResourceInUseException), DescribeTable (with
 * {@code LatestStreamArn} and StreamSpecification NEW_AND_OLD_IMAGES, as the deployed table),
 * ListTables, GetItem, PutItem, UpdateItem, DeleteItem, Query (table and indexes, Limit,
 * ExclusiveStartKey / LastEvaluatedKey, 1 MB pages, ScanIndexForward, ProjectionExpression),
 * TransactWriteItems (Put, Update, Delete, ConditionCheck); ListStreams, DescribeStream (one
 * shard), GetShardIterator (TRIM_HORIZON, LATEST, AT_ and AFTER_SEQUENCE_NUMBER) and GetRecords.
 * Values are S, N (integers), BOOL and L of S, and expressions are those the adapters write; anything
 * else answers a ValidationException that says what is not served.
 *
 * <p>Every call is metered in the read and write capacity units it would consume on DynamoDB (its
 * documented rules: {@link com.medicarewizard.runtime.dynamodb.CapacityUnits}), answered in
 * {@code ConsumedCapacity} when the request sets {@code ReturnConsumedCapacity}, and totalled in
 * {@link com.medicarewizard.runtime.dynamodb.DynamoDbEndpoint#capacity()}.
 *
 * <pre>{@code
 * EmbeddedTable table = EmbeddedTable.open(dir, TableIndex.ALL, TableOptions.defaults().withSyncOnCommit(false));
 * try (DynamoDbEndpoint endpoint = DynamoDbEndpoint.start(table, "medicarewizard-ci")) {
 *     DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
 *             .region(Region.EU_SOUTH_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
 *             .build();
 *     ItemTable items = new DynamoDbItemTable(dynamo, "medicarewizard-ci");
 *     endpoint.faults().conflictNextTransactions(1, "IDEMPOTENCY#");   // the next such transaction: TransactionConflict
 *     endpoint.faults().latency("Query", Latency.logNormal(Duration.ofMillis(5), Duration.ofMillis(80)));
 *     endpoint.faults().hang(Faults.ANY_OPERATION);                   // ... until endpoint.faults().clear()
 *     CapacityTotals units = endpoint.capacity().reset();             // read, write, index write units so far
 * }
 * table.close();
 * }</pre>
 *
 * The table's stream is read through the same endpoint with a {@code DynamoDbStreamsClient}, or by
 * {@link com.medicarewizard.runtime.stream.StreamEventSourceMapping#overStreamsApi} as Lambda's
 * event source mapping reads it.
 */
package com.medicarewizard.runtime.dynamodb;
