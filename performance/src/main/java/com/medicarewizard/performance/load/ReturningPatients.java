package com.medicarewizard.performance.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Logs every patient of the CSV in once, a few at a time, and writes the device tokens they got
 * to {@code <users>.devices} (e-mail, tab, token), where the journey plan's browsers keep them: the
 * patients of the load test return to a browser they logged in from before, as the site's
 * patients do, and every scenario meets them so whether it runs alone or after others (a browser
 * without one is throttled per client address, and all of them are 127.0.0.1 here).
 *
 * <pre>ReturningPatients --url http://127.0.0.1:18080 --users users.csv</pre>
 */
public final class ReturningPatients {
    private static final int THREADS = 4;

    private ReturningPatients() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine line = CommandLine.parse(args, Set.of());
        PatientLogIn logIn = new PatientLogIn(URI.create(line.required("--url")), "setup: log in once");
        Path users = Path.of(line.required("--users"));
        List<String[]> patients = Files.readAllLines(users, StandardCharsets.UTF_8).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        Map<String, String> devices = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (String[] patient : patients) {
                pool.submit(() -> {
                    try {
                        var tokens = patient.length < 2 ? java.util.Optional.<PatientLogIn.Tokens>empty()
                                : logIn.logIn(patient[0], patient[1], t -> { });
                        tokens.filter(t -> !t.deviceToken().isEmpty())
                                .ifPresentOrElse(t -> devices.put(patient[0], t.deviceToken()), failed::incrementAndGet);
                    } catch (InterruptedException | RuntimeException e) {
                        failed.incrementAndGet();
                    }
                });
            }
        }
        Files.writeString(Path.of(users + ".devices"), devices.entrySet().stream()
                .map(e -> e.getKey() + "\t" + e.getValue() + "\n").collect(Collectors.joining()), StandardCharsets.UTF_8);
        System.out.println(devices.size() + " of " + patients.size() + " patients logged in once");
        if (failed.get() > 0 || devices.size() != patients.size()) {
            System.err.println((patients.size() - devices.size()) + " patients could not log in");
            System.exit(1);
        }
    }
}
