package io.adclick.infra.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.traffic.EdgeRequest.Pixel;
import io.adclick.infra.traffic.EdgeRequest.Redirect;
import io.adclick.infra.traffic.EdgeRequest.SdkBatch;
import io.adclick.schemas.event.Device;
import io.adclick.schemas.token.SigningKeys;
import io.adclick.schemas.token.TokenCheck;
import io.adclick.schemas.token.TokenError;
import io.adclick.schemas.token.TokenPolicy;
import io.adclick.schemas.token.TokenSigner;
import io.adclick.schemas.token.TokenVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestScenarioPlanner {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final SigningKeys KEYS = SigningKeys.parse(SigningKeys.EMBEDDED_DEFAULT);
    private static final TokenVerifier VERIFIER = new TokenVerifier(KEYS, TokenPolicy.DEFAULT);

    private final SplittableRandom random = new SplittableRandom(3);
    private final ScenarioPlanner planner = new ScenarioPlanner(
            new AdServer(AdCatalog.standard(1), ZipfCampaigns.standard(200), new TokenSigner(KEYS)));

    @Test
    void anImpressionAndClickShareOneValidToken() {
        List<EdgeRequest> requests = planner.plan(Scenario.IMPRESSION_AND_CLICK, random, NOW);

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).isInstanceOf(Pixel.class);
        assertThat(requests.get(1)).isInstanceOf(Redirect.class);
        Pixel pixel = (Pixel) requests.get(0);
        Redirect click = (Redirect) requests.get(1);
        assertThat(click.serve()).isEqualTo(pixel.serve());
        assertThat(VERIFIER.verify(click.serve().token(), NOW)).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void aDoubleClickIsOneImpressionAndTwoClicksOnTheSameToken() {
        List<EdgeRequest> requests = planner.plan(Scenario.DOUBLE_CLICK, random, NOW);

        assertThat(requests).hasSize(3);
        assertThat(requests.stream().filter(Redirect.class::isInstance)).hasSize(2);
        assertThat(requests.stream().map(r -> serve(r).token()).distinct()).hasSize(1);
    }

    @Test
    void aClickWithoutImpressionIsAloneOnItsToken() {
        assertThat(planner.plan(Scenario.CLICK_WITHOUT_IMPRESSION, random, NOW))
                .singleElement()
                .isInstanceOf(Redirect.class);
    }

    @Test
    void expiredTokensAreAuthenticButMoreThan24HoursOld() {
        for (int i = 0; i < 100; i++) {
            Redirect click =
                    (Redirect) planner.plan(Scenario.EXPIRED_TOKEN, random, NOW).get(0);

            assertThat(click.serve().expectedStatus()).isEqualTo(AdServe.ExpectedToken.EXPIRED);
            assertThat(Duration.between(click.serve().issuedAt(), NOW)).isGreaterThan(Duration.ofHours(24));
            assertThat(VERIFIER.verify(click.serve().token(), NOW)).isInstanceOf(TokenCheck.Expired.class);
        }
    }

    @Test
    void tamperedTokensFailTheSignatureCheck() {
        Redirect click =
                (Redirect) planner.plan(Scenario.TAMPERED_TOKEN, random, NOW).get(0);

        assertThat(click.serve().expectedStatus()).isEqualTo(AdServe.ExpectedToken.INVALID);
        assertThat(VERIFIER.verify(click.serve().token(), NOW))
                .isEqualTo(
                        new TokenCheck.Invalid(TokenError.BAD_SIGNATURE, "token signature does not match its payload"));
    }

    @Test
    void aTransportDuplicateSendsTheSameBatchTwice() {
        List<EdgeRequest> requests = planner.plan(Scenario.TRANSPORT_DUPLICATE, random, NOW);

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).isInstanceOf(SdkBatch.class).isEqualTo(requests.get(1));
    }

    @Test
    void lateEventsHappenedHoursAgoWithTokensValidAtThatTime() {
        SdkBatch batch =
                (SdkBatch) planner.plan(Scenario.LATE_EVENTS, random, NOW).get(0);

        assertThat(batch.events()).allSatisfy(event -> {
            assertThat(Duration.between(event.eventTime(), NOW)).isGreaterThanOrEqualTo(ScenarioPlanner.LATE_MIN);
            assertThat(VERIFIER.verify(event.serve().token(), event.eventTime()))
                    .isInstanceOf(TokenCheck.Valid.class);
        });
    }

    @Test
    void sdkBatchesHaveUniqueEventIdsAndNoEventsFromTheFuture() {
        SdkBatch batch =
                (SdkBatch) planner.plan(Scenario.SDK_BATCH, random, NOW).get(0);

        assertThat(batch.events()).hasSizeBetween(5, 40);
        assertThat(batch.events().stream().map(SdkEvent::eventId).distinct()).hasSameSizeAs(batch.events());
        assertThat(batch.events())
                .allSatisfy(event -> assertThat(event.eventTime()).isBeforeOrEqualTo(NOW));
    }

    @Test
    void aBotBurstIsOneBotClickingManyAdsOfOneCampaign() {
        List<EdgeRequest> requests = planner.plan(Scenario.BOT_BURST, random, NOW);

        assertThat(requests).hasSizeGreaterThanOrEqualTo(10);
        assertThat(requests.stream().map(TestScenarioPlanner::visitor).distinct())
                .singleElement()
                .satisfies(bot -> {
                    assertThat(bot.device()).isEqualTo(Device.BOT);
                    assertThat(bot.userId()).startsWith("bot-");
                });
        assertThat(requests.stream().map(r -> serve(r).campaign()).distinct()).hasSize(1);
    }

    private static AdServe serve(EdgeRequest request) {
        return request instanceof Pixel pixel ? pixel.serve() : ((Redirect) request).serve();
    }

    private static Visitor visitor(EdgeRequest request) {
        return request instanceof Pixel pixel ? pixel.visitor() : ((Redirect) request).visitor();
    }
}
