package com.medicarewizard.runtime.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Chromium with a fresh profile, on the embedded runtime's website: opens pages,
 * waits for them, and checks each page shown with {@link #capture(String)} — axe-core finds no
 * serious or critical violation, the console shows no script error or CSP violation, and a
 * screenshot at 360 px and at 1280 px goes to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int[] WIDTHS = {360, 1280};
    private static final int MAX_SCREENSHOT_HEIGHT = 4000;
    /** Selenium looks for CDP bindings of this Chromium; commands go through chromedriver, so none are needed. */
    private static final java.util.logging.Logger CDP_FINDER = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_FINDER.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final URI base;
    private final Path profile;
    private final Path downloads;

    Browser(Chromium chromium, URI base, String language) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("mcw-chromium-profile");
            this.downloads = Files.createTempDirectory("mcw-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--lang=" + language, "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of(
                "intl.accept_languages", language,
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    Browser open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    String path() {
        URI now = URI.create(driver.getCurrentUrl());
        return now.getRawQuery() == null ? now.getRawPath() : now.getRawPath() + "?" + now.getRawQuery();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (up to 15 s) for a visible element. */
    WebElement visible(String css) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
        });
    }

    /** Waits until the element's text contains the given text. */
    WebElement text(String css, String expected) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.getFirst().getText().contains(expected) ? null : found.getFirst();
        });
    }

    <T> T until(ExpectedCondition<T> condition) {
        try {
            // an element the page replaces between finding it and reading it is read again at the next poll
            return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited 60 s in vain; " + state(), e);
        }
    }

    /** Where the page stands, for a failed wait: its address, its text and everything its console said. */
    private String state() {
        StringBuilder said = new StringBuilder();
        try {
            said.append("at ").append(driver.getCurrentUrl()).append("\npage text: ")
                    .append(driver.findElement(By.tagName("body")).getText().replace('\n', ' '));
        } catch (RuntimeException e) {
            said.append("page unreadable: ").append(e);
        }
        try {
            driver.manage().logs().get(LogType.BROWSER).getAll()
                    .forEach(entry -> said.append("\nconsole ").append(entry.getLevel()).append(": ").append(entry.getMessage()));
        } catch (RuntimeException e) {
            said.append("\nconsole unreadable: ").append(e);
        }
        return said.toString();
    }

    /** Presses keys on whatever has the focus, as a keyboard would. */
    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object cdp(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    ChromeDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    /** Checks the page shown at both widths (axe, console) and saves its screenshots as NAME-360.png and NAME-1280.png. */
    void capture(String name) {
        for (int width : WIDTHS) {
            resize(width, 900);
            long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
            resize(width, (int) Math.min(Math.max(height, 640), MAX_SCREENSHOT_HEIGHT));
            assertThat(Axe.seriousViolations(driver)).as("axe-core on %s at %d px", name, width).isEmpty();
            saveScreenshot(name + "-" + width + ".png");
        }
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        assertThat(consoleErrors()).as("script errors or CSP violations on %s", name).isEmpty();
    }

    private void resize(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    private void saveScreenshot(String file) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uncaught errors and Content-Security-Policy reports; refused API calls (401, 404) are expected noise. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("SyntaxError"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
        deleteQuietly(profile);
        deleteQuietly(downloads);
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind harms nothing
        }
    }
}
