package com.medicarewizard.performance.load;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Command-line options of the form {@code --name value}, and {@code --flag} alone. */
record LoadOptions(Map<String, String> values) {

    static LoadOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            values.put(name, flag ? "true" : args[++i]);
        }
        return new LoadOptions(Map.copyOf(values));
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }
}
