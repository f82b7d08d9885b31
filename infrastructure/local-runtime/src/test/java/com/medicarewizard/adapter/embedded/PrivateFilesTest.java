package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The data directory holds health data: directories 0700, files 0600, wider ones tightened. */
class PrivateFilesTest {

    @TempDir
    Path root;

    @Test
    void theTableTightensAWideDirectoryAndCreatesItsFilesPrivate() throws Exception {
        Path directory = root.resolve("table");
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path older = Files.createFile(directory.resolve("journal.jsonl"));
        Files.setPosixFilePermissions(older, PosixFilePermissions.fromString("rw-r--r--"));

        try (EmbeddedTable table = EmbeddedTables.open(directory)) {
            table.put(Item.of(new Key("a", "1")), Condition.absent());
            table.compact();
        }

        assertPrivate(directory);
        assertThat(Files.list(directory).map(p -> p.getFileName().toString()))
                .contains("journal.jsonl", "snapshot.jsonl", "table.lock");
    }

    @Test
    void jsonLinesCreateAPrivateDirectoryAndFile() throws Exception {
        new JsonLines(root.resolve("outbox").resolve("outbox.jsonl")).append(JsonLines.object().put("n", 1));

        assertPrivate(root.resolve("outbox"));
    }

    static void assertPrivate(Path directory) throws Exception {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                        .isEqualTo(expected);
            }
        }
    }
}
