package io.adclick.infra.cli;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.monitor.MonitorTargets;
import io.adclick.infra.monitor.PipelineMonitor;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adclick monitor}: the pipeline monitor on its own, for a deployment whose Kafka, Flink and
 * Iceberg catalog run elsewhere ({@code adclick up} runs it already). Left-out endpoints are the
 * embedded stack's.
 */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        description = "Serve the pipeline's Prometheus metrics (consumer lag, checkpoints, dedup and late counts,"
                + " archive freshness) until Ctrl-C.")
final class MonitorCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka", paramLabel = "HOST:PORT[,...]", description = "Kafka brokers.")
    String kafka;

    @Option(names = "--flink-rest", paramLabel = "URL", description = "Flink's REST API (JobManager).")
    URI flinkRest;

    @Option(names = "--catalog", paramLabel = "URL", description = "The Iceberg REST catalog.")
    URI catalog;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "The address /metrics binds to (default 127.0.0.1; 0.0.0.0 for a Prometheus elsewhere).")
    String bind = StackConfig.LOOPBACK;

    @Option(names = "--port", description = "The port of /metrics (default ADCLICK_MONITOR_PORT, 8097).")
    Integer port;

    @Option(names = "--interval-seconds", description = "How often to sample (default 5).")
    Integer intervalSeconds;

    @Override
    public Integer call() throws InterruptedException {
        StackConfig config = stackOptions.config();
        MonitorTargets embedded = MonitorTargets.of(config);
        MonitorTargets targets = new MonitorTargets(
                kafka != null ? kafka : embedded.kafkaBootstrap(),
                flinkRest != null ? flinkRest : embedded.flinkRest(),
                catalog != null ? catalog : embedded.catalog(),
                bind,
                port != null ? port : embedded.port(),
                intervalSeconds != null ? Duration.ofSeconds(intervalSeconds) : embedded.interval());
        PrintWriter out = spec.commandLine().getOut();
        PipelineMonitor monitor = new PipelineMonitor(
                targets,
                line -> {
                    out.println(line);
                    out.flush();
                },
                "-",
                Clock.systemUTC());
        monitor.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            monitor.stop();
            stopped.countDown();
        }));
        out.printf(
                "Pipeline metrics at %s/metrics (Kafka %s, Flink %s, catalog %s, every %d s). Ctrl-C stops.%n",
                monitor.url(),
                targets.kafkaBootstrap(),
                targets.flinkRest(),
                targets.catalog(),
                targets.interval().toSeconds());
        out.flush();
        stopped.await();
        return 0;
    }
}
