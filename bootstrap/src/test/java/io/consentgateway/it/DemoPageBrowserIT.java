package io.consentgateway.it;

import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo page in a real headless Chromium: sign in, connect an account through the sandbox widget, see the
 * consent, its accounts and transactions (with "load more"), then a one-time access and an income report.
 * Screenshots go to {@code target/screenshots}. Without Chromium/chromedriver the test is skipped, unless
 * {@code CG_REQUIRE_BROWSER=1} demands it, then it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPageBrowserIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Held so the setting sticks: without selenium-devtools on the class path, Selenium warns about every CDP version. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private Path profile;
    private ChromeDriverService service;
    private WebDriver driver;
    private WebDriverWait wait;

    /** Per test, not per class: a skipped class-level setup would not show the test, nor the reason, as skipped. */
    @BeforeEach
    void startBrowser() throws IOException {
        if (driver != null) {
            return;
        }
        String missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString)
                .reduce((a, b) -> a + ", " + b).orElse(null);
        if (missing != null) {
            String reason = "no headless browser for the demo-page test: not executable: " + missing
                    + " (Debian: apt-get install -y chromium chromium-driver)";
            if ("1".equals(System.getenv("CG_REQUIRE_BROWSER"))) {
                fail(reason + "; CG_REQUIRE_BROWSER=1 requires it");
            }
            assumeTrue(false, reason);
        }
        // The driver is given explicitly, so Selenium Manager is never asked to find or download anything.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        CDP_LOG.setLevel(Level.SEVERE);
        profile = Files.createTempDirectory("cg-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(driver, WAIT);
        Files.createDirectories(SCREENSHOTS);
        Files.deleteIfExists(SCREENSHOTS.resolve("failure.png"));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void userConnectsAccountsSeesTransactionsThenAOneTimeAccessAndAnIncomeReport() throws IOException {
        try {
            driver.get(Http.BASE + "/");
            WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
            user.clear();
            user.sendKeys(Sandbox.uniqueUser("browser"));
            driver.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-ONGOING_ACCESS")));
            assertThat(driver.findElement(By.id("who")).getText()).startsWith("Signed in as browser-");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-consents")));

            connectThroughWidget("ONGOING_ACCESS", 1);
            consentRow("Ongoing access").findElement(By.cssSelector(".show-accounts")).click();
            wait.until(d -> rows("#accounts tbody tr") > 0 && rows("#transactions tbody tr") > 0);
            assertThat(driver.findElement(By.cssSelector("#accounts tbody tr td:nth-child(2)")).getText().replace(" ", ""))
                    .matches("DE\\d{20}");
            int firstPage = rows("#transactions tbody tr");
            WebElement more = wait.until(ExpectedConditions.elementToBeClickable(By.id("more-transactions")));
            more.click();
            wait.until(d -> rows("#transactions tbody tr") > firstPage);
            assertThat(driver.findElement(By.id("detail-error")).isDisplayed()).isFalse();
            wait.until(d -> !consentRow("Ongoing access").findElement(By.cssSelector("td.synced")).getText().startsWith("not yet"));
            // the webhooks the gateway sent about this user, as the sandbox received them
            wait.until(d -> eventTypes().containsAll(java.util.List.of("flow.completed", "consent.activated", "data.synced")));
            assertThat(driver.findElement(By.id("no-events")).isDisplayed()).isFalse();
            screenshot("01-ongoing-consent-accounts-transactions");

            connectThroughWidget("ONE_TIME_ACCESS", 2);
            consentRow("One-time access").findElement(By.cssSelector(".show-accounts")).click();
            wait.until(ExpectedConditions.textToBe(By.id("detail-title"), "One-time access"));
            wait.until(d -> rows("#accounts tbody tr") > 0 && rows("#transactions tbody tr") > 0);
            screenshot("02-one-time-access");

            connectThroughWidget("INCOME_REPORT", 3);
            consentRow("Income report").findElement(By.cssSelector(".show-report")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#income-report .figure")));
            List<WebElement> figures = driver.findElements(By.cssSelector("#income-report .figure .value"));
            assertThat(figures).hasSize(4);
            assertThat(figures.get(0).getText()).as("average monthly income").matches(".*\\d.*");
            screenshot("03-income-report");

            // The second provider: the bank's own authorize page instead of the aggregator's widget; and this time the
            // flow completes by confirmation: the page confirms it with the user's token after the callback.
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("provider"))).selectByValue("tatrabanka");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("completion"))).selectByValue("CONFIRM");
            assertThat(driver.findElement(By.id("start-INCOME_REPORT")).isEnabled()).as("the bank offers no income report").isFalse();
            driver.findElement(By.id("start-ONGOING_ACCESS")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("approve")));
            assertThat(driver.getCurrentUrl()).contains("/sandbox/bank/auth/oauth/v2/authorize");
            screenshot("04-bank-consent-page");
            driver.findElement(By.id("approve")).click();
            wait.until(d -> {
                List<WebElement> banner = d.findElements(By.cssSelector("#banner[data-outcome]"));
                return !banner.isEmpty() && !"CONFIRMING".equals(banner.get(0).getAttribute("data-outcome"));
            });
            WebElement bankBanner = driver.findElement(By.id("banner"));
            assertThat(bankBanner.getAttribute("data-outcome")).as("the bank flow: " + bankBanner.getText()).isEqualTo("COMPLETED");
            assertThat(bankBanner.getText()).startsWith("Confirmed.");
            assertThat(driver.getCurrentUrl()).as("the confirmation code leaves the address bar").isEqualTo(Http.BASE + "/");
            wait.until(d -> rows("#consents tbody tr") == 4);

            assertThat(severeBrowserLogs()).as("JavaScript errors or CSP violations in the browser console").isEmpty();
        } catch (AssertionError | RuntimeException e) {
            screenshot("failure");
            throw e;
        }
    }

    /** Starts a flow from the page, approves it in the sandbox widget and waits until the page shows the new consent. */
    private void connectThroughWidget(String kind, int expectedConsents) throws IOException {
        driver.findElement(By.id("start-" + kind)).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("approve")));
        assertThat(driver.getCurrentUrl()).contains("/sandbox/nrich/widget/");
        List<WebElement> banks = driver.findElements(By.cssSelector("input[name=bank]"));
        assertThat(banks).as("the widget's bank picker").isNotEmpty();
        banks.get(banks.size() - 1).click();
        if (expectedConsents == 1) {
            screenshot("00-sandbox-widget");
        }
        driver.findElement(By.id("approve")).click();
        WebElement banner = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#banner[data-outcome]")));
        assertThat(banner.getAttribute("data-outcome")).as("outcome of the " + kind + " flow: " + banner.getText()).isEqualTo("COMPLETED");
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(driver.getCurrentUrl()).as("the page drops flow and outcome from its URL").isEqualTo(Http.BASE + "/");
        wait.until(d -> rows("#consents tbody tr") == expectedConsents);
    }

    private WebElement consentRow(String kindLabel) {
        return driver.findElements(By.cssSelector("#consents tbody tr")).stream()
                .filter(row -> row.findElement(By.cssSelector("td")).getText().equals(kindLabel))
                .findFirst().orElseThrow(() -> new AssertionError("no consent row of kind " + kindLabel));
    }

    private int rows(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    private List<String> severeBrowserLogs() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                // Chromium asks every page's origin for /favicon.ico; the sandbox widget declares no icon.
                .filter(entry -> !entry.getMessage().contains("/favicon.ico"))
                .map(LogEntry::toString)
                .toList();
    }

    private java.util.List<String> eventTypes() {
        return driver.findElements(By.cssSelector("#events td.event-type")).stream().map(WebElement::getText).toList();
    }

    /** A screenshot of the whole page (the window is stretched to the page's height for it). */
    private void screenshot(String name) throws IOException {
        if (driver == null) {
            return;
        }
        Dimension original = driver.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(original.getWidth(), Math.max(original.getHeight(), height.intValue() + 140)));
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(original);
    }
}
