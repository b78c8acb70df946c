package io.adclick.infra.cli;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.edge.IngestEdge;
import io.adclick.infra.traffic.BackdatedTraffic;
import io.adclick.infra.traffic.EdgeClient;
import io.adclick.infra.traffic.GroundTruthWriter;
import io.adclick.infra.traffic.Scenario;
import io.adclick.infra.traffic.TrafficEngine;
import io.adclick.infra.traffic.TrafficMix;
import io.adclick.infra.traffic.TrafficStats;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adclick generate}: sends realistic synthetic traffic to the edge, with a progress bar. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Send synthetic ad traffic to the edge over HTTP.",
        footer = {
            "",
            "Scenarios for --mix (proportions of scenarios, normalized; defaults in parentheses):",
            "  impression (0.60), impression_and_click (0.14), double_click (0.03),",
            "  click_without_impression (0.03), expired_token (0.02), tampered_token (0.02),",
            "  sdk_batch (0.10), transport_duplicate (0.02), late_events (0.03), bot_burst (0.01)",
            "Example: ./adclick generate --rate 200 --seconds 30 --mix double_click=0.2 --truth truth.jsonl",
            "",
            "--backdated sends adversarial SDK traffic of the two hours before now instead (3 advertisers,",
            "8 campaigns, one with ~30%%), in three phases: in event-time order, then earlier clicks of double",
            "clicks within the allowed lateness, then events beyond it; the truth file gives each event's phase.",
            "Use it on a stream that has not seen newer event times (a fresh ./adclick up --no-traffic).",
            "Example: ./adclick generate --backdated --occurrences 1500 --seed 7 --truth truth.jsonl"
        })
final class GenerateCommand implements Callable<Integer> {
    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "100",
            description = "HTTP requests per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "60",
            description = "How long to send (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--edge",
            paramLabel = "URL",
            description = "The edge's base URL (default: http://127.0.0.1:$ADCLICK_EDGE_PORT, 8080).")
    URI edge;

    @Option(
            names = "--truth",
            paramLabel = "FILE",
            description = "Write the ground truth here, one JSON line per event.")
    Path truthFile;

    @Option(
            names = "--seed",
            paramLabel = "X",
            description = "Seed of the catalog and the draws (default: random, printed).")
    Long seed;

    @Option(
            names = "--concurrency",
            paramLabel = "C",
            defaultValue = "32",
            description = "Most requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--mix",
            paramLabel = "SCENARIO=P",
            description = "Proportion of a scenario, repeatable (see below).")
    Map<String, Double> mix = new LinkedHashMap<>();

    @Option(
            names = "--backdated",
            description = "Send adversarial back-dated traffic (see below) instead of --rate/--seconds/--mix.")
    boolean backdated;

    @Option(
            names = "--occurrences",
            paramLabel = "N",
            defaultValue = "1500",
            description = "With --backdated: occurrences of user behaviour to plan (default: ${DEFAULT-VALUE}).")
    int occurrences;

    @Option(
            names = "--phase-gap",
            paramLabel = "S",
            defaultValue = "15",
            description = "With --backdated: seconds to wait between phases, for the stream to read the last"
                    + " (default: ${DEFAULT-VALUE}; at least two checkpoint intervals).")
    int phaseGapSeconds;

    @Option(
            names = "--namespace",
            paramLabel = "PREFIX",
            defaultValue = "",
            description = "With --backdated: prefix of every advertiser, campaign, ad and publisher id.")
    String namespace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (seconds < 1) {
            throw new IllegalArgumentException("Invalid --seconds " + seconds + ": must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        URI edgeUrl = edge != null
                ? edge
                : URI.create(StackConfig.fromEnvironment(io.adclick.infra.config.AdclickHome.locate(), System.getenv())
                        .edgeUrl());
        if (!IngestEdge.probe(edgeUrl).healthy()) {
            throw new IllegalStateException(
                    "No healthy edge at %s: start one with ./adclick up --no-traffic, or pass --edge URL"
                            .formatted(edgeUrl));
        }
        long actualSeed = seed != null ? seed : System.nanoTime();
        if (backdated) {
            return sendBackdated(out, edgeUrl, actualSeed);
        }
        TrafficMix trafficMix = TrafficMix.DEFAULT.with(parseMix());
        out.printf(
                "Sending %d requests/s for %d s to %s (seed %d)%nmix: %s%n",
                rate, seconds, edgeUrl, actualSeed, trafficMix);
        out.flush();

        Optional<GroundTruthWriter> truth = Optional.ofNullable(truthFile).map(GroundTruthWriter::new);
        TrafficEngine engine = TrafficEngine.standard(
                edgeUrl,
                trafficMix,
                new TrafficEngine.Settings(rate, concurrency, actualSeed),
                SigningKeys.fromEnvironment(),
                truth);
        try (ProgressBar bar = progressBar((long) rate * seconds).showSpeed().build()) {
            engine.run(Duration.ofSeconds(seconds), stats -> {
                bar.stepTo(stats.requests());
                bar.setExtraMessage(stats.summary());
            });
            bar.stepTo(engine.stats().requests());
        } finally {
            truth.ifPresent(GroundTruthWriter::close);
        }
        TrafficStats stats = engine.stats();
        out.printf("Sent %d requests: %s%n", stats.requests(), stats.summary());
        truth.ifPresent(writer -> out.printf("Truth: %d lines in %s%n", writer.lines(), writer.path()));
        return stats.failed() > 0 ? 1 : 0;
    }

    private int sendBackdated(PrintWriter out, URI edgeUrl, long actualSeed) throws InterruptedException {
        if (phaseGapSeconds < 0) {
            throw new IllegalArgumentException("Invalid --phase-gap " + phaseGapSeconds + ": must not be negative");
        }
        BackdatedTraffic traffic = BackdatedTraffic.plan(
                BackdatedTraffic.adServer(actualSeed, namespace, new TokenSigner(SigningKeys.fromEnvironment())),
                actualSeed,
                Instant.now().minusSeconds(60),
                occurrences);
        out.printf(
                "Sending back-dated traffic of %s to %s to %s in %d requests (seed %d)%n",
                traffic.start(), traffic.end(), edgeUrl, traffic.requests(), actualSeed);
        out.flush();
        Optional<GroundTruthWriter> truth = Optional.ofNullable(truthFile).map(GroundTruthWriter::new);
        BackdatedTraffic.Sent sent;
        try (ProgressBar bar = progressBar(traffic.requests()).build()) {
            sent = traffic.send(
                    new EdgeClient(edgeUrl),
                    truth,
                    next -> {
                        bar.setExtraMessage("waiting %d s before %s".formatted(phaseGapSeconds, next.wireName()));
                        Thread.sleep(phaseGapSeconds * 1000L);
                        bar.setExtraMessage(next.wireName());
                    },
                    bar::step);
        } finally {
            truth.ifPresent(GroundTruthWriter::close);
        }
        out.printf(
                "Sent %d requests: %d events acknowledged, %d requests failed%n",
                sent.requests(), sent.acknowledged(), sent.failed());
        truth.ifPresent(writer -> out.printf("Truth: %d lines in %s%n", writer.lines(), writer.path()));
        return sent.failed() > 0 ? 1 : 0;
    }

    private Map<Scenario, Double> parseMix() {
        Map<Scenario, Double> overrides = new EnumMap<>(Scenario.class);
        mix.forEach((name, proportion) -> overrides.put(Scenario.fromName(name), proportion));
        return overrides;
    }

    /** The progress bar of both traffic modes, counting requests up to {@code requests}. */
    private static ProgressBarBuilder progressBar(long requests) {
        return new ProgressBarBuilder()
                .setTaskName("generate")
                .setInitialMax(requests)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" req", 1)
                .setUpdateIntervalMillis(500);
    }
}
