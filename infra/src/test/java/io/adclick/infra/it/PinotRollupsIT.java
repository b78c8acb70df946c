package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adclick.infra.it.CampaignMinuteTotals.CampaignMinute;
import io.adclick.infra.pinot.MinuteTotals;
import io.adclick.infra.pinot.Pinot;
import io.adclick.infra.pinot.RollupQueries;
import io.adclick.infra.pinot.RollupQueries.UniqueUsers;
import io.adclick.schemas.event.Device;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.schemas.wire.Topics;
import io.adclick.schemas.wire.WireCodecs;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.datasketches.theta.UpdateSketch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code rollups_minute} table on its own: revisions written to {@code rollups.minute} in
 * Kafka transactions, one of them aborted; Pinot must show the highest committed revision of each
 * key, never an aborted one, and merge the rollups' Theta sketches at query time exactly as
 * DataSketches does.
 */
@ExtendWith(EmbeddedStackExtension.class)
class PinotRollupsIT {
    private static final int CAMPAIGNS = 3;
    private static final int MINUTES = 4;
    private static final int ADS = 3;

    @Test
    void pinotShowsTheHighestCommittedRevisionOfEachKeyAndMergesTheSketches(EmbeddedStack stack) {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        String prefix = "pinot-it-%08x-".formatted(random.nextInt());
        Instant firstMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
        Pinot pinot = stack.startedPinot();

        Map<String, MinuteRollup> latestCommitted = new HashMap<>();
        List<MinuteRollup> committed = new ArrayList<>();
        List<MinuteRollup> aborted = new ArrayList<>();
        for (int c = 0; c < CAMPAIGNS; c++) {
            for (int m = 0; m < MINUTES; m++) {
                for (int a = 0; a < ADS; a++) {
                    int revisions = 1 + random.nextInt(3);
                    for (int r = 1; r <= revisions; r++) {
                        MinuteRollup rollup =
                                rollup(random, prefix + "c" + c, "ad-" + a, firstMinute.plusSeconds(60L * m), r);
                        committed.add(rollup);
                        latestCommitted.put(rollup.rollupKey(), rollup);
                    }
                    if (random.nextInt(3) == 0) {
                        aborted.add(rollup(random, prefix + "c" + c, "ad-" + a, firstMinute.plusSeconds(60L * m), 99));
                    }
                }
            }
        }
        try (KafkaProducer<String, byte[]> producer =
                transactionalProducer(stack.config().kafkaBootstrap(), prefix)) {
            producer.initTransactions();
            producer.beginTransaction();
            aborted.forEach(rollup -> producer.send(record(rollup)));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            committed.forEach(rollup -> producer.send(record(rollup)));
            producer.commitTransaction();
        }

        Map<CampaignMinute, CampaignMinuteTotals.Totals> expected = CampaignMinuteTotals.of(latestCommitted.values());
        Map<CampaignMinute, Long> expectedUsers = PinotTotals.mergedUsers(latestCommitted.values());
        List<String> campaigns = List.of(prefix + "c0", prefix + "c1", prefix + "c2");
        RollupQueries queries = new RollupQueries(new PinotBroker(URI.create(pinot.brokerUrl())));
        Instant to = firstMinute.plus(Duration.ofMinutes(MINUTES));
        await("Pinot's totals equal the latest committed revisions (seed %d)".formatted(seed))
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(PinotTotals.of(queries.campaignMinutes(campaigns, firstMinute, to)))
                        .isEqualTo(expected));
        assertThat(PinotTotals.users(queries.campaignMinutes(campaigns, firstMinute, to)))
                .as("DISTINCTCOUNTTHETASKETCH over the stored sketch bytes equals a DataSketches union")
                .isEqualTo(expectedUsers);
        List<MinuteTotals> sumsOnly = queries.campaignMinutes(campaigns, firstMinute, to, UniqueUsers.SKIPPED);
        assertThat(PinotTotals.of(sumsOnly)).as("sums without the sketch merge").isEqualTo(expected);
        assertThat(sumsOnly).allMatch(row -> row.uniqueUsers().isEmpty());
        assertThat(queries.campaignMinutes("x' OR '1'='1", firstMinute, to))
                .as("a quote in a bound parameter stays inside its literal")
                .isEmpty();
        assertThat(queries.figures().rows()).isGreaterThanOrEqualTo(latestCommitted.size());
        System.out.printf(
                "PinotRollupsIT: %d committed and %d aborted revisions of %d keys; %d campaign-minutes equal; seed %d%n",
                committed.size(), aborted.size(), latestCommitted.size(), expected.size(), seed);
    }

    private static MinuteRollup rollup(
            SplittableRandom random, String campaign, String ad, Instant minute, int revision) {
        long impressions = 1 + random.nextInt(500);
        long clicks = random.nextInt((int) Math.min(impressions, 50));
        long billable = clicks == 0 ? 0 : random.nextLong(clicks + 1);
        UpdateSketch users = UpdateSketch.builder().setNominalEntries(4096).build();
        int distinct = 1 + random.nextInt(40);
        for (int u = 0; u < distinct; u++) {
            users.update("user-" + random.nextInt(120));
        }
        return new MinuteRollup(
                MinuteRollup.CURRENT_SCHEMA_VERSION,
                minute,
                campaign,
                ad,
                "pub-1",
                "US",
                Device.MOBILE,
                "adv-1",
                impressions,
                clicks,
                billable,
                billable * 250_000L,
                Math.round(users.getEstimate()),
                Base64.getEncoder().encodeToString(users.compact().toByteArray()),
                revision,
                Instant.now());
    }

    private static ProducerRecord<String, byte[]> record(MinuteRollup rollup) {
        return new ProducerRecord<>(Topics.ROLLUPS_MINUTE, rollup.rollupKey(), WireCodecs.MINUTE_ROLLUP.encode(rollup));
    }

    private static KafkaProducer<String, byte[]> transactionalProducer(String bootstrap, String id) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id + "producer");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(properties);
    }
}
