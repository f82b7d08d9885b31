package com.medicarewizard.runtime.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** This process's threads as Linux schedules them: the name it knows them by (15 characters at most) and their policy. */
public final class KernelThreads {
    /** {@code SCHED_OTHER}, the process's default policy. */
    public static final int SCHED_OTHER = 0;

    public record Task(String name, int policy) {
        public boolean idle() {
            return policy == IdlePriority.SCHED_IDLE;
        }
    }

    private KernelThreads() {
    }

    /** Every thread of this process now; one that ends while being read is left out. */
    public static List<Task> all() {
        List<Task> tasks = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc/self/task"))) {
            for (Path dir : dirs.toList()) {
                try {
                    tasks.add(new Task(Files.readString(dir.resolve("comm")).strip(), policyIn(dir.resolve("stat"))));
                } catch (NoSuchFileException ended) {
                    // the thread ended meanwhile
                } catch (IOException e) {
                    if (Files.exists(dir)) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tasks;
    }

    /** Field 41 of a task's stat file (its scheduling policy), counted after the command name, which may hold spaces and parentheses. */
    static int policyIn(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[41 - 3]);
    }
}
