package tempered.playground;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, driven headless through Debian's chromedriver, for the playground's browser tests.
 *
 * <p>Both paths are given to Selenium, so its Selenium Manager never runs and nothing is downloaded. Without
 * them the tests are skipped with one line that says how to install them, except in CI ({@code CI=true}),
 * where a missing browser fails the build: CI must run these tests.
 */
public final class Chromium {
    static final Path BROWSER = Path.of(setting("TEMPERED_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(setting("TEMPERED_CHROMEDRIVER", "/usr/bin/chromedriver"));
    // Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level.
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    private Chromium() {}

    /** True when both programs are there; otherwise says so once, or fails when running in CI. */
    static boolean installed() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return true;
        }
        String missing =
                (Files.isExecutable(BROWSER) ? "" : BROWSER + " ") + (Files.isExecutable(DRIVER) ? "" : DRIVER + " ");
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, but " + missing.trim() + " is missing, so the playground's browser tests cannot run;"
                    + " .ci/run installs them with: apt-get install chromium chromium-driver");
        }
        System.out.println("Browser tests skipped: " + missing.trim() + " not found. Install Chromium to run them:"
                + " sudo apt-get install chromium chromium-driver");
        return false;
    }

    /** A fresh headless browser with its own empty profile in {@code profile}. */
    static ChromeDriver start(Path profile) {
        SELENIUM.setLevel(Level.SEVERE);
        try {
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        List<String> arguments = new ArrayList<>(quietHeadless(profile));
        arguments.add("--window-size=1000,1400");
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Headless Chromium that starts no connection of its own (no updates, sync or background requests, which this
     * machine's closed network refuses) and keeps its profile in {@code profile}.
     */
    public static List<String> quietHeadless(Path profile) {
        return List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath());
    }
}
