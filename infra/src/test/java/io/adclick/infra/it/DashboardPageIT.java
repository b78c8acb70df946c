package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.pinot.MinuteTotals;
import io.adclick.infra.pinot.Pinot;
import io.adclick.infra.pinot.RollupQueries;
import io.adclick.infra.traffic.AdCatalog;
import io.adclick.infra.traffic.AdServe;
import io.adclick.infra.traffic.AdServer;
import io.adclick.infra.traffic.Campaign;
import io.adclick.infra.traffic.EdgeRequest;
import io.adclick.infra.traffic.EdgeResponse;
import io.adclick.infra.traffic.GroundTruthRecord;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.SdkEvent;
import io.adclick.infra.traffic.Visitors;
import io.adclick.infra.traffic.ZipfCampaigns;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.iceberg.expressions.Expressions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page at {@code /} of the real router, in Debian's headless Chromium driven by its
 * ChromeDriver (installed by {@code scripts/ensure-chromium.sh}; Selenium Manager is never asked for
 * a browser). One campaign's impressions and clicks go through the edge and the archive, the real
 * truth job bills their hour, the stream job counts them in Pinot, and the page, signed in as
 * finance, must chart (minutes, from the estimates) exactly what was sent.
 * A screenshot of it is written to {@code docs/dashboard.png}.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPageIT {
    private static final String NAMESPACE = "page-it-";
    private static final long SEED = 57;
    private static final int CLICKED_IMPRESSIONS = 24;
    private static final int UNCLICKED_IMPRESSIONS = 16;
    private static final String CHROMIUM = System.getenv().getOrDefault("ADCLICK_CHROMIUM", "/usr/bin/chromium");
    private static final String CHROMEDRIVER =
            System.getenv().getOrDefault("ADCLICK_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final DateTimeFormatter HOUR_KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");
    private static final Duration ARCHIVE_TIMEOUT = Duration.ofSeconds(120);
    /** A page load runs several Trino queries; on a busy 2-core machine a cold Trino takes its time. */
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(120);

    private final AdCatalog catalog = AdCatalog.standard(SEED).withNamespace(NAMESPACE);
    private final AdServer adServer =
            new AdServer(catalog, ZipfCampaigns.standard(200), new TokenSigner(SigningKeys.fromEnvironment()));
    private final Campaign campaign = catalog.campaigns().get(0);

    private URI page;
    private Path profile;
    private WebDriver browser;
    private WebDriverWait wait;
    private long impressionsSent;
    private long clicksSent;

    @BeforeAll
    void billOneCampaignAndOpenTheBrowser(EmbeddedStack stack) throws Exception {
        long startNanos = System.nanoTime();
        stack.awaitArchiveRunning();
        // The page charts minutes: dashboard mode reads them from the stream's estimates in Pinot.
        Pinot pinot = stack.startedPinot();
        stack.startedStream();
        List<GroundTruthRecord> sent = sendImpressionsAndClicks(stack);
        impressionsSent = sent.stream()
                .filter(r -> r.kind().equals(EventType.IMPRESSION.wireName()))
                .count();
        clicksSent = sent.stream()
                .filter(r -> r.kind().equals(EventType.CLICK.wireName()))
                .count();
        Set<String> eventIds = sent.stream().map(GroundTruthRecord::eventId).collect(Collectors.toSet());
        try (ArchiveReader archive = stack.archive()) {
            Awaitility.await("every acknowledged event in raw_events")
                    .atMost(ARCHIVE_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> archive.rows(AdclickTables.RAW_EVENTS, Expressions.in("event_id", eventIds.toArray()))
                                    .size()
                            >= eventIds.size());
        }
        awaitEstimatesInPinot(pinot, sent);
        Set<String> hours = new TreeSet<>();
        sent.forEach(r -> hours.add(HOUR_KEY.format(r.eventTime().atOffset(ZoneOffset.UTC))));
        for (String hour : hours) {
            TruthRuns.hour(stack, hour);
        }
        page = stack.startedRouter().baseUrl().resolve("/");
        browser = startChromium();
        wait = new WebDriverWait(browser, PAGE_TIMEOUT);
        System.out.printf(
                "DashboardPageIT: %d impressions and %d clicks on %s billed, router and Chromium up in %.0f s%n",
                impressionsSent, clicksSent, campaign.id(), (System.nanoTime() - startNanos) / 1e9);
    }

    @AfterAll
    void closeTheBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    @Order(1)
    void aWrongKeyShowsTheRoutersUnauthorizedMessage() {
        browser.get(page.toString());
        signIn("not-a-key");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        assertThat(error.getText()).contains("401").contains("Unknown API key");
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    }

    @Test
    @Order(2)
    void financeSeesTheCampaignChartedExactlyAsSentWithPacingTruthAndReconciliation() throws Exception {
        browser.get(page.toString());
        signIn("dev-finance");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        awaitLoaded(null);

        browser.findElement(By.id("f-advertiser")).sendKeys(campaign.advertiserId());
        String before = awaitLoaded(null);
        browser.findElement(By.id("apply")).click();
        before = awaitLoaded(before);
        wait.until(driver -> new Select(driver.findElement(By.id("f-campaign")))
                .getOptions().stream().anyMatch(o -> campaign.id().equals(o.getDomAttribute("value"))));
        new Select(browser.findElement(By.id("f-campaign"))).selectByValue(campaign.id());
        awaitPage("the clicks chart of " + campaign.id(), () -> chartLabel("chart-clicks")
                .contains(campaign.id()));
        awaitLoaded(before);

        assertThat(sum(chartData("chart-impressions")))
                .as("impressions charted")
                .isEqualTo(impressionsSent);
        assertThat(sum(chartData("chart-clicks"))).as("clicks charted").isEqualTo(clicksSent);
        assertThat(chartData("chart-ctr")).anySatisfy(ctr -> assertThat(ctr).isPositive());
        assertThat(text("updated-at")).startsWith("updated at ");
        assertThat(browser.findElement(By.id("status")).isDisplayed()).isFalse();

        List<WebElement> pacingRows = browser.findElements(By.cssSelector("#pacing-table tbody tr"));
        if (pacingRows.isEmpty()) {
            assertThat(text("pacing-state"))
                    .as("pacing, when it has no table, says why")
                    .containsAnyOf("not available on this router yet", "could not be loaded:", "No campaign spend");
        } else {
            assertThat(pacingRows).anySatisfy(row -> assertThat(row.getText()).contains(campaign.id()));
        }
        List<WebElement> truthRows = browser.findElements(By.cssSelector("#truth-table tbody tr"));
        assertThat(truthRows).as("hours with an estimate and truth").isNotEmpty();
        assertThat(text("recon-state")).isNotBlank().doesNotContain("undefined");

        Path screenshot = Path.of(System.getProperty("adclick.home", ".."), "docs", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    @Order(3)
    void signingOutForgetsTheKey() {
        browser.findElement(By.id("sign-out")).click();
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('adclick.apiKey')"))
                .isNull();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
    }

    /** Waits until Pinot counts every impression and click sent (open minutes are revised every 2 s). */
    private void awaitEstimatesInPinot(Pinot pinot, List<GroundTruthRecord> sent) {
        RollupQueries queries = new RollupQueries(new PinotBroker(URI.create(pinot.brokerUrl())));
        Instant from = sent.stream()
                .map(GroundTruthRecord::eventTime)
                .min(Instant::compareTo)
                .orElseThrow();
        Instant to = sent.stream()
                .map(GroundTruthRecord::eventTime)
                .max(Instant::compareTo)
                .orElseThrow();
        Awaitility.await("the campaign's impressions and clicks in Pinot's estimates")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> queries.campaignMinutes(
                                campaign.id(),
                                from.truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                                to.plusSeconds(60)),
                        rows -> rows.stream()
                                                .mapToLong(MinuteTotals::impressions)
                                                .sum()
                                        == impressionsSent
                                && rows.stream().mapToLong(MinuteTotals::clicks).sum() == clicksSent);
    }

    // --- the traffic

    /** Impressions of one campaign, some clicked once, each from its own human visitor, inside this hour. */
    private List<GroundTruthRecord> sendImpressionsAndClicks(EmbeddedStack stack) {
        SplittableRandom random = new SplittableRandom(SEED);
        Instant now = Instant.now();
        // impressions and their clicks (8 s later) in one minute, so that each charted minute has its CTR
        Instant shown = now.minusSeconds(20)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .plusSeconds(10);
        List<SdkEvent> events = new ArrayList<>();
        for (int i = 0; i < CLICKED_IMPRESSIONS + UNCLICKED_IMPRESSIONS; i++) {
            AdServe serve = adServer.serve(campaign, random, shown.minusSeconds(30));
            var visitor = Visitors.human(random);
            events.add(new SdkEvent("page-it-imp-%03d".formatted(i), EventType.IMPRESSION, shown, serve, visitor));
            if (i < CLICKED_IMPRESSIONS) {
                events.add(new SdkEvent(
                        "page-it-clk-%03d".formatted(i), EventType.CLICK, shown.plusSeconds(8), serve, visitor));
            }
        }
        EdgeRequest.SdkBatch batch = new EdgeRequest.SdkBatch(Scenario.IMPRESSION_AND_CLICK, events);
        // The events carry their own ids, so a batch resent after a transport failure is billed once.
        EdgeResponse response = stack.client().send(batch);
        for (int attempt = 1; attempt < 3 && response.status() == 0; attempt++) {
            System.out.printf(
                    "DashboardPageIT: resending the batch after %s%n",
                    response.error().orElse("?"));
            response = stack.client().send(batch);
        }
        assertThat(response.status())
                .as("the edge's answer to the batch (%s)", response.error().orElse("no transport error"))
                .isEqualTo(200);
        List<GroundTruthRecord> records = GroundTruthRecord.of(batch, response, now);
        assertThat(records).hasSize(events.size()).allMatch(GroundTruthRecord::acknowledged);
        return records;
    }

    // --- the browser

    private WebDriver startChromium() throws Exception {
        profile = Files.createTempDirectory("page-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1800",
                "--user-data-dir=" + profile);
        // A given driver and binary: Selenium Manager downloads nothing.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private void signIn(String key) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        browser.findElement(By.id("api-key")).sendKeys(key);
        browser.findElement(By.id("sign-in-button")).click();
    }

    /** Waits for a refresh that finished after {@code previous} (any, when null); returns its mark. */
    private String awaitLoaded(String previous) {
        return wait.until(driver -> {
            String loaded = driver.findElement(By.tagName("body")).getDomAttribute("data-loaded");
            return loaded != null && !loaded.equals(previous) ? loaded : null;
        });
    }

    /** Waits for a condition; a timeout reports what the page shows (its messages and chart). */
    private void awaitPage(String what, java.util.function.BooleanSupplier condition) {
        try {
            wait.until(driver -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                Files.write(
                        Path.of("target", "dashboard-failure.png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } catch (java.io.IOException | RuntimeException screenshotFailure) {
                e.addSuppressed(screenshotFailure);
            }
            throw new AssertionError(
                    "The page did not show %s within %s; status \"%s\", chart \"%s\" (%s), updated \"%s\", pacing \"%s\""
                            .formatted(
                                    what,
                                    PAGE_TIMEOUT,
                                    text("status"),
                                    chartLabel("chart-clicks"),
                                    text("chart-note"),
                                    text("updated-at"),
                                    text("pacing-state")),
                    e);
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String chartLabel(String canvasId) {
        Object label = ((JavascriptExecutor) browser)
                .executeScript(
                        "const c = Chart.getChart(arguments[0]); return c ? c.data.datasets[0].label : '';", canvasId);
        return String.valueOf(label);
    }

    private List<Double> chartData(String canvasId) {
        List<?> data = (List<?>) ((JavascriptExecutor) browser)
                .executeScript("return Chart.getChart(arguments[0]).data.datasets[0].data;", canvasId);
        return data.stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    private static long sum(List<Double> values) {
        return Math.round(values.stream().mapToDouble(Double::doubleValue).sum());
    }
}
