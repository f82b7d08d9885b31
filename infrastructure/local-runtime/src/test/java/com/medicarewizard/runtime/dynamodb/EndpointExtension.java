package com.medicarewizard.runtime.dynamodb;

import com.medicarewizard.adapter.dynamodb.DynamoDbItemTable;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.TableOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Gives a test embedded tables served by a {@link DynamoDbEndpoint} on loopback, each in a
 * directory of its own, and closes them (endpoint, clients, table, directory) after the test: the
 * DynamoDB adapters' contracts run on it as they run on dynalite, with real transactions.
 */
public final class EndpointExtension implements AfterEachCallback {

    static final String TABLE = "medicarewizard-test";
    private static final ThreadLocal<List<Served>> OPEN = ThreadLocal.withInitial(ArrayList::new);

    /** A table, its endpoint and an SDK client for it. */
    public record Served(EmbeddedTable table, DynamoDbEndpoint endpoint, DynamoDbClient client, Path directory)
            implements AutoCloseable {

        public DynamoDbItemTable itemTable() {
            return new DynamoDbItemTable(client, TABLE);
        }

        public DynamoDbStreamsClient streams() {
            return streamsClientFor(endpoint.endpoint());
        }

        @Override
        public void close() throws IOException {
            client.close();
            endpoint.close();
            table.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A new empty table (the layout's indexes) behind a new endpoint; closed after the test. */
    public static Served serve() {
        return serve(Clock.systemUTC());
    }

    /** A new empty table whose stream records and expiries are stamped by {@code clock}. */
    public static Served serve(Clock clock) {
        try {
            Path directory = Files.createTempDirectory("mcw-endpoint");
            EmbeddedTable table = EmbeddedTables.open(directory,
                    TableOptions.defaults().withSyncOnCommit(false).withClock(clock));
            DynamoDbEndpoint endpoint = DynamoDbEndpoint.start(table, TABLE);
            Served served = new Served(table, endpoint, clientFor(endpoint.endpoint()), directory);
            OPEN.get().add(served);
            return served;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty table through the DynamoDB adapter: the contracts' table. */
    public static DynamoDbItemTable freshTable() {
        return serve().itemTable();
    }

    /** An SDK client for a local endpoint: fixed region, dummy credentials, the functions' HTTP client. */
    public static DynamoDbClient clientFor(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.EU_SOUTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(30)).build())
                .build();
    }

    public static DynamoDbStreamsClient streamsClientFor(URI endpoint) {
        return DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.EU_SOUTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        List<Served> served = OPEN.get();
        for (Served s : served.reversed()) {
            s.close();
        }
        served.clear();
    }
}
