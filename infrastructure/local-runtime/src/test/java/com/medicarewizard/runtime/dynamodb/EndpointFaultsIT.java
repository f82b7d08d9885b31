package com.medicarewizard.runtime.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Write;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * The faults the endpoint injects for tests and benchmarks: latency per operation, throttling that
 * the SDK retries, transaction conflicts (optionally only on some keys), and a service that accepts
 * calls and never answers until the fault is cleared. No assertion depends on the machine being
 * quick: delays are bounded below only, hangs by a client timeout.
 */
@ExtendWith(EndpointExtension.class)
class EndpointFaultsIT {

    private final EndpointExtension.Served served = EndpointExtension.serve();

    private DynamoDbClient client(int retries, Duration callTimeout) {
        return DynamoDbClient.builder().endpointOverride(served.endpoint().endpoint()).region(Region.EU_SOUTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(callTimeout)
                        .retryStrategy(b -> b.maxAttempts(retries + 1)).build())
                .build();
    }

    @Test
    void aLatencyDelaysEveryCallOfItsOperation() {
        served.endpoint().faults().latency("GetItem", Duration.ofMillis(300));
        var table = served.itemTable();

        long started = System.nanoTime();
        table.get(new Key("A", "1"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        served.endpoint().faults().clear("GetItem");
        assertThat(table.get(new Key("A", "1"))).isEmpty();
    }

    @Test
    void latencyDistributionsHaveTheirShape() {
        var random = new SplittableRandom(7);
        List<Duration> draws = IntStream.range(0, 10_000)
                .mapToObj(i -> Latency.logNormal(Duration.ofMillis(5), Duration.ofMillis(80)).next(random)).sorted().toList();
        assertThat(draws.get(5_000)).isBetween(Duration.ofMillis(4), Duration.ofMillis(6));
        assertThat(draws.get(9_900)).isBetween(Duration.ofMillis(60), Duration.ofMillis(105));
        assertThat(Latency.withTail(Duration.ZERO, 1, Duration.ofSeconds(2)).next(random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(2)).next(random))
                .isBetween(Duration.ofMillis(1), Duration.ofMillis(2));
        assertThatThrownBy(() -> Latency.fixed(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throttledCallsAreRefusedAsDynamoDbRefusesThemAndTheSdkRetriesThem() {
        served.endpoint().faults().throttleNext("PutItem", 1);
        try (DynamoDbClient once = client(0, Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> once.putItem(b -> b.tableName(EndpointExtension.TABLE)
                    .item(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("A"),
                            "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("1")))))
                    .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class,
                            e -> assertThat(e.isThrottlingException()).isTrue());
        }
        assertThat(served.table().size()).isZero();

        served.endpoint().faults().throttleNext("PutItem", 2).throttleNext("DescribeTable", 1);
        served.itemTable().put(Item.builder("A", "1").build(), Condition.always());
        assertThat(served.table().size()).as("written on the third attempt").isEqualTo(1);
        assertThat(served.client().describeTable(b -> b.tableName(EndpointExtension.TABLE)).table()).isNotNull();
    }

    /**
     * The adapter tries a transaction cancelled only by conflicts again (five attempts in all,
     * DynamoDbTransactions), so a conflict shows through it only when it outlasts them.
     */
    @Test
    void aConflictCancelsTheNextTransactionsOnTheirKeysAndWritesNothing() {
        int attempts = 5;
        served.endpoint().faults().conflictNextTransactions(attempts, "IDEMPOTENCY#");
        var table = served.itemTable();
        List<Write> reservation = List.of(Write.put(Item.builder("RESERVATION#1", "R").build(), Condition.absent()),
                Write.put(Item.builder("IDEMPOTENCY#p#k", "I").build(), Condition.absent()));

        table.transact(List.of(Write.put(Item.builder("PATIENT#1", "P").build(), Condition.absent())));
        assertThat(served.table().get(new Key("PATIENT#1", "P"))).as("not on a conflicting key").isPresent();
        assertThatThrownBy(() -> table.transact(reservation))
                .isInstanceOfSatisfying(TransactionCanceledException.class,
                        e -> assertThat(e.reasons()).extracting(CancellationReason::conflicted)
                                .containsExactly(false, true));
        assertThat(served.table().get(new Key("RESERVATION#1", "R"))).isEmpty();
        table.transact(reservation);
        assertThat(served.table().get(new Key("RESERVATION#1", "R"))).isPresent();

        served.endpoint().faults().conflictNextTransactions(attempts - 1);
        table.transact(List.of(Write.put(Item.builder("X", "1").build(), Condition.always())));
        assertThat(served.table().get(new Key("X", "1"))).as("written on the last attempt").isPresent();
    }

    @Test
    void aHungServiceAcceptsAndNeverAnswersUntilCleared() {
        served.endpoint().faults().hang(Faults.ANY_OPERATION);
        try (DynamoDbClient impatient = client(0, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> impatient.describeTable(b -> b.tableName(EndpointExtension.TABLE)))
                    .isInstanceOf(ApiCallTimeoutException.class);
            assertThatThrownBy(() -> new com.medicarewizard.adapter.dynamodb.DynamoDbItemTable(impatient,
                    EndpointExtension.TABLE).put(Item.builder("A", "1").build(), Condition.always()))
                    .isInstanceOf(ApiCallTimeoutException.class);

            served.endpoint().faults().clear();
            assertThat(impatient.describeTable(b -> b.tableName(EndpointExtension.TABLE)).table()).isNotNull();
        }
        assertThat(served.table().size()).as("a hung call changes nothing").isZero();
    }
}
