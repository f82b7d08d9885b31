package com.medicarewizard.performance.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code --name value} options and {@code --flag} switches of the load-test programs. */
final class CommandLine {
    private final Map<String, String> options = new HashMap<>();

    private CommandLine() {
    }

    /** Parses {@code args}; {@code switches} are the options that take no value. */
    static CommandLine parse(String[] args, Set<String> switches) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + name);
            }
            if (switches.contains(name)) {
                line.options.put(name, "true");
            } else if (i + 1 < args.length) {
                line.options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return line;
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean has(String name) {
        return options.containsKey(name);
    }
}
