package io.adclick.infra.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.event.EventType;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenSigner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestGroundTruthRecord {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    private final SplittableRandom random = new SplittableRandom(9);
    private final AdServer adServer = new AdServer(
            AdCatalog.standard(1),
            ZipfCampaigns.standard(200),
            new TokenSigner(SigningKeys.parse(SigningKeys.EMBEDDED_DEFAULT)));

    @Test
    void aRedirectIsRecordedUnderTheEventIdTheEdgeReturned() {
        AdServe serve = adServer.serve(random, NOW);
        EdgeRequest click = new EdgeRequest.Redirect(Scenario.DOUBLE_CLICK, serve, Visitors.human(random));

        GroundTruthRecord truth =
                GroundTruthRecord.of(click, response(302, "clk-1"), NOW).get(0);

        assertThat(truth.kind()).isEqualTo("click");
        assertThat(truth.source()).isEqualTo("redirect");
        assertThat(truth.scenario()).isEqualTo("double_click");
        assertThat(truth.eventId()).isEqualTo("clk-1");
        assertThat(truth.campaignId()).isEqualTo(serve.campaign().id());
        assertThat(truth.cpcMicros()).isEqualTo(serve.campaign().cpcMicros());
        assertThat(truth.tokenStatus()).isEqualTo("valid");
        assertThat(truth.acknowledged()).isTrue();
    }

    @Test
    void aRefusedRequestIsNotAcknowledged() {
        AdServe forged = AdServer.tampered(adServer.serve(random, NOW));
        EdgeRequest click = new EdgeRequest.Redirect(Scenario.TAMPERED_TOKEN, forged, Visitors.human(random));

        GroundTruthRecord truth =
                GroundTruthRecord.of(click, response(400, null), NOW).get(0);

        assertThat(truth.acknowledged()).isFalse();
        assertThat(truth.httpStatus()).isEqualTo(400);
        assertThat(truth.tokenStatus()).isEqualTo("invalid");
        assertThat(truth.eventId()).isNull();
    }

    @Test
    void anSdkBatchGivesOneLinePerEventAndRejectedEventsAreNotAcknowledged() {
        List<SdkEvent> events =
                List.of(event(EventType.IMPRESSION), event(EventType.CLICK), event(EventType.IMPRESSION));
        EdgeRequest batch = new EdgeRequest.SdkBatch(Scenario.SDK_BATCH, events);
        EdgeResponse response = new EdgeResponse(200, Optional.empty(), Set.of(1), Optional.empty());

        List<GroundTruthRecord> truth = GroundTruthRecord.of(batch, response, NOW);

        assertThat(truth)
                .extracting(GroundTruthRecord::eventId)
                .containsExactly(
                        events.get(0).eventId(),
                        events.get(1).eventId(),
                        events.get(2).eventId());
        assertThat(truth).extracting(GroundTruthRecord::acknowledged).containsExactly(true, false, true);
        assertThat(truth).extracting(GroundTruthRecord::kind).containsExactly("impression", "click", "impression");
    }

    @Test
    void aBatchWithoutAnswerIsNotAcknowledged() {
        EdgeRequest batch = new EdgeRequest.SdkBatch(Scenario.SDK_BATCH, List.of(event(EventType.CLICK)));

        assertThat(GroundTruthRecord.of(batch, EdgeResponse.failed("Connection refused"), NOW))
                .singleElement()
                .satisfies(truth -> {
                    assertThat(truth.acknowledged()).isFalse();
                    assertThat(truth.httpStatus()).isZero();
                });
    }

    private SdkEvent event(EventType type) {
        return new SdkEvent(
                "evt-" + random.nextInt(1_000_000), type, NOW, adServer.serve(random, NOW), Visitors.human(random));
    }

    private static EdgeResponse response(int status, String eventId) {
        return new EdgeResponse(status, Optional.ofNullable(eventId), Set.of(), Optional.empty());
    }
}
