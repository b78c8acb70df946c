package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adclick.infra.traffic.AdServe.ExpectedToken;
import io.adclick.schemas.token.AdTokenPayload;
import io.adclick.schemas.token.TokenSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.random.RandomGenerator;

/** Serves ads from the catalog the way the real ad server would: one signed token per served ad. */
public final class AdServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdCatalog catalog;
    private final ZipfCampaigns popularity;
    private final TokenSigner signer;

    public AdServer(AdCatalog catalog, ZipfCampaigns popularity, TokenSigner signer) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.popularity = requireNonNull(popularity, "popularity is null");
        this.signer = requireNonNull(signer, "signer is null");
        if (popularity.count() != catalog.campaigns().size()) {
            throw new IllegalArgumentException("The popularity law covers %d campaigns but the catalog has %d"
                    .formatted(popularity.count(), catalog.campaigns().size()));
        }
    }

    /** Serves a campaign drawn by popularity, signed at {@code issuedAt}. */
    public AdServe serve(RandomGenerator random, Instant issuedAt) {
        return serve(catalog.campaigns().get(popularity.sample(random)), random, issuedAt);
    }

    /** Serves {@code campaign}, signed at {@code issuedAt}. */
    public AdServe serve(Campaign campaign, RandomGenerator random, Instant issuedAt) {
        String ad = campaign.adIds().get(random.nextInt(campaign.adIds().size()));
        String publisher =
                catalog.publishers().get(random.nextInt(catalog.publishers().size()));
        String impression = "imp-%016x".formatted(random.nextLong());
        AdTokenPayload payload = new AdTokenPayload(
                AdTokenPayload.CURRENT_VERSION,
                signer.signingKid(),
                impression,
                campaign.advertiserId(),
                campaign.id(),
                ad,
                publisher,
                campaign.cpcMicros(),
                campaign.landingUrl() + "?imp=" + impression,
                issuedAt.getEpochSecond());
        return new AdServe(campaign, ad, publisher, impression, issuedAt, signer.sign(payload), ExpectedToken.VALID);
    }

    /** The same ad with its token's price raised tenfold and the signature left as it was. */
    public static AdServe tampered(AdServe serve) {
        String token = serve.token();
        int dot = token.indexOf('.');
        Base64.Decoder decoder = Base64.getUrlDecoder();
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(decoder.decode(token.substring(0, dot)));
            JsonNode cpc = payload.get("cpc");
            payload.put("cpc", cpc.asLong() * 10 + 1);
            String forged = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
            return new AdServe(
                    serve.campaign(),
                    serve.adId(),
                    serve.publisherId(),
                    serve.impressionId(),
                    serve.issuedAt(),
                    forged + token.substring(dot),
                    ExpectedToken.INVALID);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tamper with token " + token, e);
        }
    }

    /** Marks a serve whose token was issued long enough ago to be expired at the event. */
    public static AdServe expectExpired(AdServe serve) {
        return new AdServe(
                serve.campaign(),
                serve.adId(),
                serve.publisherId(),
                serve.impressionId(),
                serve.issuedAt(),
                serve.token(),
                ExpectedToken.EXPIRED);
    }
}
