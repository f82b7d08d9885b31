package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.util.Expando;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.apache.jmeter.samplers.SampleResult;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journey plan's own Groovy scripts (read from {@code journey.jmx}), run against a stand-in of
 * the edge on a loopback port: log-in waits out a 503's Retry-After and counts it; the booking
 * step's GET asks {@code Prefer: wait=20} and falls back to the 300 ms poll when the answer lacks
 * {@code Preference-Applied}. The runtime answers neither way on demand, so the smoke run cannot
 * show both paths; this does.
 */
class JourneyScriptsTest {
    private static final Path PLAN = Path.of("src/test/jmeter/journey.jmx");
    private final AtomicInteger logIns = new AtomicInteger();
    private final List<String> prefers = new CopyOnWriteArrayList<>();
    private final List<String> logInBodies = new CopyOnWriteArrayList<>();
    private volatile boolean honourWait;
    private volatile String status = "PENDING";
    private HttpServer server;
    private final Properties props = new Properties();
    private final Map<String, String> vars = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/v1/auth/token", exchange -> {
            logInBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (logIns.incrementAndGet() <= 2) {
                exchange.getResponseHeaders().add("Retry-After", logIns.get() == 1 ? "1" : "0");
                answer(exchange, 503, "{\"title\":\"busy\"}");
            } else {
                answer(exchange, 200, "{\"accessToken\":\"token-1\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
                        + "\"deviceToken\":\"device-1\"}");
            }
        });
        server.createContext("/api/v1/reservations/r-1", exchange -> {
            String prefer = exchange.getRequestHeaders().getFirst("Prefer");
            prefers.add(String.valueOf(prefer));
            if (prefer != null && honourWait) {
                exchange.getResponseHeaders().add("Preference-Applied", prefer);
            }
            answer(exchange, 200, "{\"id\":\"r-1\",\"status\":\"" + status + "\"}");
        });
        server.start();
        props.setProperty("host", "127.0.0.1");
        props.setProperty("port", String.valueOf(server.getAddress().getPort()));
        props.setProperty("pollMillis", "300");
        props.setProperty("usersCsv", dir.resolve("users.csv").toString());
        run("setup: the page's scripts", new SampleResult());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void logInWaitsOutEach503sRetryAfterAndCountsItApart() throws Exception {
        vars.put("email", "patient@example.com");
        vars.put("password", "a passphrase");
        SampleResult sample = sample("3 log in");

        run("3 log in", sample);
        sample.sampleEnd();

        assertThat(vars).containsEntry("token", "token-1");
        assertThat(sample.isSuccessful()).isTrue();
        assertThat(sample.getResponseCode()).isEqualTo("200");
        assertThat(List.of(sample.getSubResults())).extracting(SampleResult::getResponseCode).containsExactly("503", "503", "200");
        // (named '3 log in · 503, retried' and '3 log in · answered' in the results: the plan's JMeter keeps
        // sub-sample names, subresults.disable_renaming in the pom; this test's JMeter numbers them)
        assertThat(List.of(sample.getSubResults())).allMatch(s -> s.getSampleLabel().startsWith(Labels.LOG_IN) && s.isSuccessful());
        assertThat(java.nio.file.Files.readString(PLAN)).contains("sub.setSampleLabel(label + ' · 503, retried')",
                "sub.setSampleLabel(label + ' · answered')");
        assertThat(List.of(Labels.LOGIN_RETRIED, Labels.LOGIN_ANSWERED)).containsExactly(Labels.LOG_IN + " · 503, retried",
                Labels.LOG_IN + " · answered");
        // each answer is timed alone, the waits apart
        assertThat(sample.getSubResults()[2].getTime()).isLessThan(sample.getTime() - 1_000);
        // the sample spans the waits: the first 503 asked for a second
        assertThat(sample.getTime()).isGreaterThanOrEqualTo(1_000);
    }

    /** The plan gives up on a busy log-in when the page does: an error the patient would see is counted as one. */
    @Test
    void logInRetriesABusyAnswerAsManyTimesAsTheLoginPage() throws Exception {
        java.util.regex.Matcher page = java.util.regex.Pattern.compile("const BUSY_RETRIES = (\\d+);")
                .matcher(java.nio.file.Files.readString(Path.of("../web/site/assets/js/login.js")));
        java.util.regex.Matcher plan = java.util.regex.Pattern.compile("statusCode\\(\\) == 503 &amp;&amp; after.isPresent\\(\\) &amp;&amp; attempt &lt;= (\\d+)\\)")
                .matcher(java.nio.file.Files.readString(PLAN));
        assertThat(page.find()).as("login.js's BUSY_RETRIES").isTrue();
        assertThat(plan.find()).as("the plan's limit on busy retries").isTrue();
        assertThat(plan.group(1)).isEqualTo(page.group(1));
    }

    /** The plan asks what the home page asks: each exam's earliest start alone, as catalog.js's earliestStart does. */
    @Test
    void theHomePagesEarliestTimesAreAskedAsThePageAsksThem() throws Exception {
        String page = java.nio.file.Files.readString(Path.of("../web/site/assets/js/catalog.js"));
        String plan = java.nio.file.Files.readString(PLAN);
        assertThat(page).contains("firstFree: '1'");
        assertThat(plan.split("/api/v1/availability&quot;", -1)).as("each script that defines the home page's calls")
                .hasSizeGreaterThan(1);
        assertThat(plan).doesNotContain("&amp;to=${vars.get('homeTo')}&quot;")
                .contains("&amp;to=${vars.get('homeTo')}&amp;firstFree=1&quot;");
    }

    @Test
    void aReturningPatientLogsInWithTheDeviceTokenItsBrowserKeptFromTheScenarioBefore() throws Exception {
        vars.put("email", "patient@example.com");
        vars.put("password", "a passphrase");
        run("3 log in", sample("3 log in"));
        run("teardown: keep the device tokens", new SampleResult());
        props.remove("mcwDevices");

        run("setup: the page's scripts", new SampleResult());
        run("3 log in", sample("3 log in"));

        assertThat(logInBodies.getFirst()).doesNotContain("deviceToken");
        assertThat(logInBodies.getLast()).contains("\"deviceToken\":\"device-1\"");
        assertThat(dir.resolve("users.csv.devices")).hasContent("patient@example.com\tdevice-1");
    }

    @Test
    void theBookingWaitsWithPreferAndAsksAgainWhileItIsPending() throws Exception {
        honourWait = true;
        booked();

        assertThat(getReservation().getSampleLabel()).isEqualTo(Labels.WAIT);
        assertThat(vars).containsEntry("status", "PENDING").containsEntry("waitHonoured", "true");
        assertThat(pauseBeforeTheNextGet()).isEqualTo(0L);
        status = "CONFIRMED";
        assertThat(getReservation().getSampleLabel()).isEqualTo(Labels.WAIT);
        assertThat(vars).containsEntry("status", "CONFIRMED");
        assertThat(prefers).containsExactly("wait=20", "wait=20");
    }

    @Test
    void anAnswerWithoutPreferenceAppliedTurnsThePageToThePoll() throws Exception {
        booked();

        assertThat(getReservation().getSampleLabel()).isEqualTo(Labels.WAIT);
        assertThat(vars).containsEntry("waitHonoured", "false");
        assertThat(pauseBeforeTheNextGet()).isEqualTo(300L);
        status = "REJECTED";
        assertThat(getReservation().getSampleLabel()).isEqualTo(Labels.POLL);
        assertThat(vars).containsEntry("status", "REJECTED");
        assertThat(prefers).containsExactly("wait=20", "null");
    }

    private void booked() {
        vars.put("rid", "r-1");
        vars.put("token", "token-1");
        vars.put("polls", "0");
        vars.put("waitHonoured", "unknown");
    }

    private SampleResult getReservation() throws Exception {
        SampleResult sample = sample(Labels.WAIT);
        run(Labels.WAIT, sample);
        sample.sampleEnd();
        assertThat(sample.isSuccessful()).isTrue();
        return sample;
    }

    private Object pauseBeforeTheNextGet() throws Exception {
        return run("the page polls every pollMillis once the wait is ignored", null);
    }

    private static SampleResult sample(String label) {
        SampleResult sample = new SampleResult();
        sample.setSampleLabel(label);
        sample.setSuccessful(true);
        sample.sampleStart();
        return sample;
    }

    /** Runs the script of the plan's element named {@code name} as JMeter would bind it. */
    private Object run(String name, SampleResult sample) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PLAN.toFile());
        String script = XPathFactory.newInstance().newXPath().evaluate(
                "(//*[@testname=\"" + name + "\"]/stringProp[@name='script'])[1]", document);
        assertThat(script).as("script of " + name).isNotBlank();
        Expando jmeterVars = new Expando();
        jmeterVars.setProperty("get", new groovy.lang.Closure<String>(this) {
            public String doCall(String key) {
                return vars.get(key);
            }
        });
        jmeterVars.setProperty("put", new groovy.lang.Closure<Object>(this) {
            public Object doCall(String key, String value) {
                return vars.put(key, value);
            }
        });
        Expando thread = new Expando();
        thread.setProperty("getThreadName", new groovy.lang.Closure<String>(this) {
            public String doCall() {
                return "journey 1-1";
            }
        });
        Expando ctx = new Expando();
        ctx.setProperty("getThread", new groovy.lang.Closure<Object>(this) {
            public Object doCall() {
                return thread;
            }
        });
        Binding binding = new Binding();
        binding.setVariable("props", props);
        binding.setVariable("vars", jmeterVars);
        binding.setVariable("ctx", ctx);
        binding.setVariable("SampleResult", sample);
        // JMeter's JSR223 engine resolves classes by loading them; Groovy 3's default reads their class
        // files, and cannot read this JDK's
        CompilerConfiguration config = new CompilerConfiguration();
        config.getOptimizationOptions().put("asmResolving", false);
        return new GroovyShell(getClass().getClassLoader(), binding, config).evaluate(script);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
