package io.adclick.benchmarks;

import io.adclick.schemas.token.AdTokenPayload;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code /c} latency at a fixed request rate: runs {@code wrk} (each connection sends one request
 * every 10 ms, so the rate is fixed by the number of connections), and reads the edge's own
 * server-side latency histogram before and after, so the figures exclude the load tool.
 *
 * <p>Usage: {@code ClickLatencyBenchmark EDGE_URL RATE SECONDS EDGE_PID}.
 */
public final class ClickLatencyBenchmark {
    private static final int INTERVAL_MS = 10;
    private static final String REDIRECTS = "status=\"302\"";

    private ClickLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ClickLatencyBenchmark EDGE_URL RATE SECONDS EDGE_PID");
            System.exit(2);
        }
        String edgeUrl = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        ProcessCpu edge = new ProcessCpu(Long.parseLong(args[3]));
        int connections = Math.max(1, rate * INTERVAL_MS / 1000);

        TokenSigner signer = new TokenSigner(SigningKeys.fromEnvironment());
        String token = signer.sign(new AdTokenPayload(
                1,
                signer.signingKid(),
                "imp-bench",
                "adv-1",
                "cmp-1",
                "ad-1",
                "pub-1",
                250_000,
                "https://landing.example/shoes",
                Instant.now().getEpochSecond()));
        Path script = Files.createTempFile("adclick-wrk", ".lua");
        Files.writeString(
                script,
                """
                wrk.headers["Cookie"] = "uid=u-bench"
                wrk.headers["User-Agent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148"
                wrk.headers["X-Country"] = "US"
                function delay() return %d end
                done = function(summary, latency, requests)
                  io.write(string.format("wrk: %%d responses in %%.1f s = %%.0f req/s, %%d errors (status %%d, timeout %%d)\\n",
                    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
                    summary.errors.status + summary.errors.timeout + summary.errors.connect, summary.errors.status,
                    summary.errors.timeout))
                  for _, p in ipairs({50, 99, 99.9}) do
                    io.write(string.format("client-side latency p%%g: %%.2f ms\\n", p, latency:percentile(p) / 1000))
                  end
                end
                """
                        .formatted(INTERVAL_MS));

        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.out.printf("warm-up: 10 s, calibrating connections for %d req/s%n", rate);
        for (int round = 0; round < 3; round++) {
            double achieved = wrk(connections, 10, script, edgeUrl + "/c/" + token, false);
            connections = (int) Math.ceil(connections * rate / achieved);
        }
        ServerLatencyHistogram before = ServerLatencyHistogram.scrape(client, edgeUrl, REDIRECTS);
        double cpuBefore = edge.cpuSeconds();
        System.out.printf(
                "measuring: %d s at %d req/s (%d connections, one request per %d ms each)%n",
                seconds, rate, connections, INTERVAL_MS);
        double achieved = wrk(connections, seconds, script, edgeUrl + "/c/" + token, true);
        if (Math.abs(achieved - rate) > rate * 0.05) {
            System.out.printf("WARNING: achieved %.0f req/s, more than 5%% off the target %d req/s%n", achieved, rate);
        }
        double cpu = edge.cpuSeconds() - cpuBefore;
        ServerLatencyHistogram run =
                ServerLatencyHistogram.scrape(client, edgeUrl, REDIRECTS).minus(before);
        System.out.printf(
                "server-side /c latency over %,d redirects: p50 <= %.2f ms, p99 <= %.2f ms, p99.9 <= %.2f ms%n",
                run.count(), run.quantileMillis(0.50), run.quantileMillis(0.99), run.quantileMillis(0.999));
        System.out.printf(
                "edge CPU: %.1f s (%.2f cores); RSS %.0f MiB, peak %.0f MiB%n",
                cpu, cpu / seconds, edge.memoryMiB("VmRSS"), edge.memoryMiB("VmHWM"));
        Files.delete(script);
    }

    /** Runs wrk and returns the request rate it achieved. */
    private static double wrk(int connections, int seconds, Path script, String url, boolean print) throws Exception {
        Process process = new ProcessBuilder(
                        "wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "-s", script.toString(), url)
                .redirectErrorStream(true)
                .start();
        double achieved = Double.NaN;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("wrk:")) {
                    achieved = Double.parseDouble(line.replaceAll(".* = ([0-9.]+) req/s.*", "$1"));
                }
                if (print && (line.startsWith("wrk:") || line.startsWith("client-side"))) {
                    System.out.println(line);
                }
            }
        }
        if (process.waitFor() != 0 || Double.isNaN(achieved)) {
            throw new IllegalStateException("wrk failed with exit code " + process.exitValue() + ": is it installed?");
        }
        return achieved;
    }
}
