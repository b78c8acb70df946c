package io.adclick.batch.truth;

import static io.adclick.batch.RawEvents.click;
import static io.adclick.batch.RawEvents.impression;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.batch.RawEvents;
import io.adclick.batch.config.BatchSettings;
import io.adclick.batch.rules.FraudRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TestClickDecider {
    private static final TruthPartition HOUR = TruthPartition.hour("2026-11-23T10");
    private static final Instant T = Instant.parse("2026-11-23T10:20:00Z");

    private final ClickDecider decider = new ClickDecider(
            Duration.ofHours(25),
            Duration.ofHours(1),
            FraudRules.from(BatchSettings.defaults().truth().fraud()));

    /** One decided click row, as compared in these tests. */
    record Decided(String eventId, String decision, String duplicateOf, long spendMicros) {}

    @Test
    void aClickOnARecordedImpressionWithAValidTokenIsBillableAtItsCpc() {
        assertThat(decide(impression("i1", T.minusSeconds(5)), click("k1", "i1", T)))
                .containsExactly(new Decided("k1", "billable", null, 250_000));
    }

    @Test
    void laterCopiesOfAnEventIdAreTransportDuplicatesOfThatEvent() {
        assertThat(decide(
                        impression("i1", T.minusSeconds(5)),
                        click("k1", "i1", T).receivedAt(T.plusSeconds(9)),
                        click("k1", "i1", T).receivedAt(T.plusSeconds(1))))
                .containsExactlyInAnyOrder(
                        new Decided("k1", "billable", null, 250_000), new Decided("k1", "duplicate_event", "k1", 0));
    }

    @Test
    void onlyTheFirstClickOfAnImpressionIsBilled() {
        assertThat(decide(
                        impression("i1", T.minusSeconds(5)),
                        click("second", "i1", T.plusSeconds(1)),
                        click("first", "i1", T)))
                .containsExactly(
                        new Decided("first", "billable", null, 250_000),
                        new Decided("second", "duplicate_impression", "first", 0));
    }

    @Test
    void firstIsDecidedByEventTimeThenReceivedAtThenEventId() {
        assertThat(decide(
                        impression("i1", T.minusSeconds(5)),
                        click("b-late", "i1", T).receivedAt(T.plusSeconds(2)),
                        click("c-early", "i1", T).receivedAt(T.plusSeconds(1)),
                        impression("i2", T.minusSeconds(5)),
                        click("y", "i2", T),
                        click("x", "i2", T)))
                .containsExactly(
                        new Decided("b-late", "duplicate_impression", "c-early", 0),
                        new Decided("c-early", "billable", null, 250_000),
                        new Decided("x", "billable", null, 250_000),
                        new Decided("y", "duplicate_impression", "x", 0));
    }

    @Test
    void aClickWithoutRecordedImpressionIsNotBillable() {
        assertThat(decide(impression("other", T), click("k1", "i1", T)))
                .containsExactly(new Decided("k1", "no_impression", null, 0));
    }

    @Test
    void impressionsCountFromTheLookbackUpToTheLookaheadAfterTheHour() {
        assertThat(decide(
                        impression("yesterday", T.minus(Duration.ofHours(20))),
                        click("k1", "yesterday", T),
                        impression("pixel-late", Instant.parse("2026-11-23T11:50:00Z")),
                        click("k2", "pixel-late", T),
                        impression("too-old", T.minus(Duration.ofHours(26))),
                        click("k3", "too-old", T),
                        impression("too-late", Instant.parse("2026-11-23T12:00:00Z")),
                        click("k4", "too-late", T)))
                .containsExactly(
                        new Decided("k1", "billable", null, 250_000),
                        new Decided("k2", "billable", null, 250_000),
                        new Decided("k3", "no_impression", null, 0),
                        new Decided("k4", "no_impression", null, 0));
    }

    @Test
    void aClickWhoseImpressionArrivedTwiceIsBilledOnceAndTheImpressionCountedOnce() {
        DecidedPartition decided = decided(
                impression("i1", T.minusSeconds(5)).receivedAt(T.plusSeconds(30)),
                impression("i1", T.minusSeconds(5)),
                click("k1", "i1", T));

        assertThat(decided.clicks().select("event_id", "decision").collectAsList())
                .extracting(row -> row.getString(0) + " " + row.getString(1))
                .containsExactly("k1 billable");
        assertThat(decided.impressions().count()).isEqualTo(1);
    }

    @Test
    void theFirstCopyOfAnImpressionIsTheOneCounted() {
        List<Row> impressions = decided(
                        impression("i1", T).receivedAt(T.plusSeconds(2)).campaign("c-late"),
                        impression("i1", T).receivedAt(T.plusSeconds(1)).campaign("c-early"),
                        impression("i2", T).campaign("c2"))
                .impressions()
                .orderBy("event_id")
                .select("event_id", "campaign_id")
                .collectAsList();

        assertThat(impressions)
                .extracting(row -> row.getString(0) + " " + row.getString(1))
                .containsExactly("imp:i1 c-early", "imp:i2 c2");
    }

    @Test
    void aClickIsTimedFromTheEarliestImpressionOfItsImpressionId() {
        List<Row> clicks = decided(
                        impression("i1", T.minusSeconds(1)).withEventId("imp:i1-again"),
                        impression("i1", T.minusSeconds(30)),
                        click("k1", "i1", T))
                .clicks()
                .select("event_id", "first_impression_time")
                .collectAsList();

        assertThat(clicks).hasSize(1);
        assertThat(clicks.get(0).getTimestamp(1).toInstant()).isEqualTo(T.minusSeconds(30));
    }

    @Test
    void aClickOnAnExpiredTokenIsNeverBillable() {
        assertThat(decide(
                        impression("i1", T.minusSeconds(5)),
                        click("k1", "i1", T).expired()))
                .containsExactly(new Decided("k1", "expired_token", null, 0));
    }

    @Test
    void earlierClicksAndCopiesInThePreviousHourMakeThisHoursOnesDuplicates() {
        Instant previousHour = Instant.parse("2026-11-23T09:59:59.900Z");
        assertThat(decide(
                        impression("i1", previousHour.minusSeconds(3)),
                        click("first", "i1", previousHour),
                        click("again", "i1", Instant.parse("2026-11-23T10:00:00.100Z")),
                        impression("i2", previousHour.minusSeconds(3)),
                        click("k2", "i2", previousHour).receivedAt(previousHour),
                        click("k2", "i2", previousHour).receivedAt(T)))
                .containsExactly(new Decided("again", "duplicate_impression", "first", 0));
    }

    @Test
    void aClickAFraudRuleFlagsIsRemovedAsFraudOfTheFirstRuleThatFlaggedIt() {
        List<Row> rows = decided(
                        impression("i1", T.minusSeconds(5)),
                        click("k1", "i1", T).device("bot", "python-requests/2.32.3"))
                .clicks()
                .select("event_id", "decision", "fraud_rules")
                .collectAsList();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString(1)).isEqualTo("fraud:bot_device");
        assertThat(rows.get(0).getList(2)).containsExactly("bot_device");
    }

    @Test
    void removalReasonsAreCheckedInContractOrder() {
        assertThat(decide(
                        click("k1", "i1", T).expired(),
                        click("k1", "i1", T).expired().receivedAt(T.plusSeconds(1)),
                        click("k2", "i1", T.plusSeconds(1)).device("bot", "curl/8.5.0")))
                .containsExactly(
                        new Decided("k1", "duplicate_event", "k1", 0),
                        new Decided("k1", "expired_token", null, 0),
                        new Decided("k2", "duplicate_impression", "k1", 0));
    }

    @Test
    void everyFlagIsKeptWithItsEvidenceEvenWhenTheClickIsRemovedForAnotherReason() {
        List<Row> flags = decided(click("k1", "i1", T).device("bot", "curl/8.5.0"))
                .fraudFlags()
                .select("event_id", "rule", "evidence", "decision")
                .collectAsList();

        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).getString(1)).isEqualTo("bot_device");
        assertThat(flags.get(0).getString(2)).isEqualTo("device=bot, user_agent=curl/8.5.0");
        assertThat(flags.get(0).getString(3)).isEqualTo("no_impression");
    }

    private DecidedPartition decided(RawEvents.Event... events) {
        return decider.decide(new RawEvents().add(events).toDataFrame(), HOUR);
    }

    private List<Decided> decide(RawEvents.Event... events) {
        return decided(events)
                .clicks()
                .orderBy("event_id", "decision")
                .select("event_id", "decision", "duplicate_of", "spend_micros")
                .collectAsList()
                .stream()
                .map(row -> new Decided(row.getString(0), row.getString(1), row.getString(2), row.getLong(3)))
                .toList();
    }
}
