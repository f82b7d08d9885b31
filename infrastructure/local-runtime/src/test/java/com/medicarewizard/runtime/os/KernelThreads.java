package com.medicarewizard.runtime.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** This process's threads as the kernel schedules them: the name it knows them by (15 characters at most) and their nice value. */
public final class KernelThreads {
    public record Task(String name, int nice) {
    }

    private KernelThreads() {
    }

    /** Every thread of this process now; one that ends while being read is left out. */
    public static List<Task> all() {
        List<Task> tasks = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc/self/task"))) {
            for (Path dir : dirs.toList()) {
                try {
                    tasks.add(new Task(Files.readString(dir.resolve("comm")).strip(), niceIn(dir.resolve("stat"))));
                } catch (NoSuchFileException | UncheckedIOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tasks;
    }

    /** Field 19 of {@code /proc/thread-self/stat}: the calling thread's nice value. */
    public static int niceOfThisThread() {
        return niceIn(Path.of("/proc/thread-self/stat"));
    }

    /** Field 19 of a task's stat file, counted after the command name (which may hold spaces and parentheses). */
    static int niceIn(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
