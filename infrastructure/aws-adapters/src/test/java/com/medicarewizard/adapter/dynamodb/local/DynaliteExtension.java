package com.medicarewizard.adapter.dynamodb.local;

import com.medicarewizard.adapter.dynamodb.DynamoDbItemTable;
import com.medicarewizard.adapter.dynamodb.TableDefinition;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Starts one dynalite for the whole test run, before the first test that needs it, (closed when the run ends) and gives each test a new,
 * empty table on it. Without node or dynalite each test is skipped with the reason, except where
 * {@code MCW_REQUIRE_ALL_SUITES=true} (CI): there they fail, because CI must run every suite.
 */
public final class DynaliteExtension implements BeforeEachCallback {

    private static volatile Dynalite server;
    private static volatile DynamoDbClient client;

    @Override
    public void beforeEach(ExtensionContext context) {
        StringBuilder whyNot = new StringBuilder();
        Optional<Path> launcher = Dynalite.launcher(whyNot);
        if (launcher.isEmpty()) {
            if ("true".equals(System.getenv("MCW_REQUIRE_ALL_SUITES"))) {
                throw new IllegalStateException("MCW_REQUIRE_ALL_SUITES=true but " + whyNot);
            }
            Assumptions.abort("skipped: " + whyNot);
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Dynalite.class, key -> started(launcher.get()), Dynalite.class);
    }

    private static synchronized Dynalite started(Path launcher) {
        server = Dynalite.start(launcher);
        client = clientFor(server.endpoint());
        return server;
    }

    /** An SDK client for a local server: fixed region, dummy credentials. */
    public static DynamoDbClient clientFor(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static URI endpoint() {
        return running().endpoint();
    }

    public static DynamoDbClient client() {
        running();
        return client;
    }

    /** A new empty table of the layout, with a unique name. */
    public static String freshTableName() {
        String name = "mcw-" + UUID.randomUUID();
        client().createTable(TableDefinition.createTable(name));
        awaitActive(name);
        return name;
    }

    /** Even with {@code --createTableMs 0} a table becomes ACTIVE a moment after CreateTable answers. */
    private static void awaitActive(String name) {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (client().describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("table " + name + " did not become active");
    }

    /** A new empty table, through a client that emulates TransactWriteItems (dynalite has none). */
    public static DynamoDbItemTable freshTable() {
        return new DynamoDbItemTable(new TransactionsOneByOne(client()), freshTableName());
    }

    /**
     * A new empty table whose first {@code conflicts} transactions are cancelled with
     * {@code TransactionConflict}; before the first, {@code racer} runs on the same table (the
     * transaction under way that they conflict with).
     */
    public static DynamoDbItemTable freshTableWithConflicts(int conflicts, Consumer<DynamoDbItemTable> racer) {
        String name = freshTableName();
        DynamoDbItemTable plain = new DynamoDbItemTable(new TransactionsOneByOne(client()), name);
        return new DynamoDbItemTable(new TransactionsOneByOne(client(), conflicts, () -> racer.accept(plain)), name);
    }

    private static Dynalite running() {
        if (server == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(DynaliteExtension.class)");
        }
        return server;
    }
}
