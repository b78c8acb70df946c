package io.adclick.stream;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.stream.config.EstimatesConfig;
import io.adclick.stream.config.JobSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The job's options, pinned as Trino pins a configuration: every option with its default and with
 * an explicit value. An option added to {@link StreamEstimatesJob} without being listed in
 * {@link #EXPLICIT} fails {@link #everyOptionIsPinned()}; one that is listed but does not reach
 * the job's settings fails {@link #everyOptionChangesTheJob()}.
 */
class TestStreamEstimatesJobOptions {
    /** Every option of the job, each with a valid value other than its default. */
    private static final Map<String, String> EXPLICIT = Map.ofEntries(
            entry("--bootstrap-servers", "k1:9092,k2:9092"),
            entry("--group-id", "other-group"),
            entry("--checkpoint-dir", "/var/lib/adclick/checkpoints"),
            entry("--checkpoint-interval", "10 s"),
            entry("--state-backend", "ROCKSDB"),
            entry("--parallelism", "8"),
            entry("--transactional-id-prefix", "other-prefix"),
            entry("--transaction-timeout", "12 min"),
            entry("--restore-from-latest", "/var/lib/adclick/restore"),
            entry("--max-out-of-orderness", "1 s"),
            entry("--idleness", "1 min"),
            entry("--allowed-lateness", "2 min"),
            entry("--dedup-ttl", "48 h"),
            entry("--first-click-ttl", "36 h"),
            entry("--pre-aggregation-max-keys", "8000"),
            entry("--sketch-lg-nominal-entries", "14"),
            entry("--update-max-delay", "5 s"),
            entry("--early-fire-interval", "500 ms"),
            entry("--rest-port", "8088"),
            entry("--rest-bind-address", "0.0.0.0"));

    @Test
    void everyOptionIsPinned() {
        List<String> options = new CommandLine(new StreamEstimatesJob())
                .getCommandSpec().options().stream()
                        .filter(option -> !option.usageHelp() && !option.versionHelp())
                        .map(OptionSpec::longestName)
                        .toList();

        assertThat(EXPLICIT.keySet()).containsExactlyInAnyOrderElementsOf(options);
    }

    @Test
    void defaults() {
        StreamEstimatesJob job = parse();

        assertThat(job.settings())
                .isEqualTo(new JobSettings(
                        "127.0.0.1:9092",
                        "adclick-stream-estimates",
                        Path.of(".adclick/stream/checkpoints"),
                        ofSeconds(5),
                        JobSettings.StateBackend.HASHMAP,
                        2,
                        "adclick-stream-estimates",
                        ofMinutes(10),
                        new EstimatesConfig(
                                ofSeconds(5),
                                ofSeconds(30),
                                ofMinutes(10),
                                ofHours(25),
                                ofHours(25),
                                50_000,
                                12,
                                ofSeconds(2),
                                ofSeconds(2))));
        assertThat(job.restoreFromLatest).isNull();
        assertThat(job.restPort).isNull();
        assertThat(job.restBindAddress).isEqualTo("127.0.0.1");
    }

    @Test
    void explicitValues() {
        StreamEstimatesJob job = parse(EXPLICIT.entrySet().stream()
                .flatMap(option -> List.of(option.getKey(), option.getValue()).stream())
                .toArray(String[]::new));

        assertThat(job.settings())
                .isEqualTo(new JobSettings(
                        "k1:9092,k2:9092",
                        "other-group",
                        Path.of("/var/lib/adclick/checkpoints"),
                        ofSeconds(10),
                        JobSettings.StateBackend.ROCKSDB,
                        8,
                        "other-prefix",
                        ofMinutes(12),
                        new EstimatesConfig(
                                ofSeconds(1),
                                ofMinutes(1),
                                ofMinutes(2),
                                ofHours(48),
                                ofHours(36),
                                8_000,
                                14,
                                ofSeconds(5),
                                ofMillis(500))));
        assertThat(job.restoreFromLatest).isEqualTo(Path.of("/var/lib/adclick/restore"));
        assertThat(job.restPort).isEqualTo(8088);
        assertThat(job.restBindAddress).isEqualTo("0.0.0.0");
    }

    @Test
    void everyOptionChangesTheJob() {
        List<Object> defaults = state(parse());

        assertThat(EXPLICIT)
                .allSatisfy((option, value) ->
                        assertThat(state(parse(option, value))).as(option).isNotEqualTo(defaults));
    }

    @Test
    void refusesATransactionTimeoutTheBrokerWouldRefuse() {
        assertThatThrownBy(() -> parse("--transaction-timeout", "20 min").settings())
                .hasMessageContaining("transaction-timeout")
                .hasMessageContaining("transaction.max.timeout.ms");
    }

    @Test
    void commandLineOptionsReachTheSettings() {
        JobSettings settings = parse(
                        "--bootstrap-servers", "k1:9092,k2:9092",
                        "--state-backend", "ROCKSDB",
                        "--checkpoint-interval", "10 s",
                        "--allowed-lateness", "2 min",
                        "--pre-aggregation-max-keys", "8000",
                        "--early-fire-interval", "500 ms")
                .settings();

        assertThat(settings.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(settings.stateBackend()).isEqualTo(JobSettings.StateBackend.ROCKSDB);
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.estimates().allowedLateness()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.estimates().preAggregationMaxKeys()).isEqualTo(8000);
        assertThat(settings.estimates().earlyFireInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.flinkConfiguration(Optional.empty()).toMap())
                .containsEntry("state.backend.type", "rocksdb");
    }

    @Test
    void commandLineDefaultsAreTheSettingsDefaults() {
        assertThat(parse().settings()).isEqualTo(JobSettings.defaults());
    }

    private static StreamEstimatesJob parse(String... args) {
        StreamEstimatesJob job = new StreamEstimatesJob();
        new CommandLine(job).parseArgs(args);
        return job;
    }

    /** What the options set: the settings, and the options the job reads besides them. */
    private static List<Object> state(StreamEstimatesJob job) {
        return Arrays.asList(job.settings(), job.restoreFromLatest, job.restPort, job.restBindAddress);
    }
}
