package io.adclick.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard page is served at {@code /} without a key, with every script and style it
 * references (Chart.js from its WebJar among them), and serving it leaves the API's answers as they
 * were. Its behaviour in a browser is tested by {@code infra}'s {@code DashboardPageIT}.
 */
@MicronautTest(environments = "test")
class DashboardPageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");

    @Inject
    EmbeddedServer server;

    @Test
    void theRootServesTheDashboardPageWithoutAKey() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<title>adclick dashboard</title>", "id=\"api-key\"", "chart-clicks");
    }

    @Test
    void everyAssetThePageReferencesIsServed() throws Exception {
        String page = get("/").body();
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(page);
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertThat(assets).contains("/dashboard.js", "/dashboard.css").anySatisfy(asset -> assertThat(asset)
                .startsWith("/webjars/chart.js/"));
        for (String asset : assets) {
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).isNotBlank();
        }
        assertThat(get(assets.stream()
                                .filter(a -> a.startsWith("/webjars/"))
                                .findFirst()
                                .orElseThrow())
                        .body())
                .as("the Chart.js bundle")
                .contains("Chart");
    }

    @Test
    void theApiAndUnknownPathsAnswerAsBeforeThePageWasAdded() throws Exception {
        HttpResponse<String> unauthenticated = get("/v1/reports?mode=billing");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.body()).contains("\"code\":\"unauthorized\"");
        assertThat(get("/no-such-page.html").statusCode()).isEqualTo(404);
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getPort() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
