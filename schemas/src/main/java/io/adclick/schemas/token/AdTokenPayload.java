package io.adclick.schemas.token;

import static io.adclick.schemas.Fields.identifier;
import static io.adclick.schemas.Fields.micros;
import static io.adclick.schemas.Fields.required;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.adclick.schemas.InvalidFieldException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the ad server signs once per served ad; the impression pixel and the click URL carry it.
 *
 * @param version payload version, always 1
 * @param kid the signing key id
 * @param impressionId the impression this ad was served as
 * @param costPerClickMicros what one billable click costs, in micros
 * @param url the landing page a click is redirected to (http or https)
 * @param issuedAtEpochSeconds when the ad server signed the token
 */
@JsonPropertyOrder({"v", "kid", "imp", "adv", "cmp", "ad", "pub", "cpc", "url", "iat"})
public record AdTokenPayload(
        @JsonProperty("v") int version,
        @JsonProperty("kid") String kid,
        @JsonProperty("imp") String impressionId,
        @JsonProperty("adv") String advertiserId,
        @JsonProperty("cmp") String campaignId,
        @JsonProperty("ad") String adId,
        @JsonProperty("pub") String publisherId,
        @JsonProperty("cpc") long costPerClickMicros,
        @JsonProperty("url") String url,
        @JsonProperty("iat") long issuedAtEpochSeconds) {

    /** The only payload version this release reads and writes. */
    public static final int CURRENT_VERSION = 1;

    public AdTokenPayload {
        if (version != CURRENT_VERSION) {
            throw new InvalidFieldException("v", version, "token payload version must be " + CURRENT_VERSION);
        }
        identifier("kid", kid);
        identifier("imp", impressionId);
        identifier("adv", advertiserId);
        identifier("cmp", campaignId);
        identifier("ad", adId);
        identifier("pub", publisherId);
        micros("cpc", costPerClickMicros);
        requireHttpUrl(url);
        if (issuedAtEpochSeconds <= 0) {
            throw new InvalidFieldException("iat", issuedAtEpochSeconds, "must be epoch seconds after 1970");
        }
    }

    /** {@link #issuedAtEpochSeconds} as an instant. */
    public Instant issuedAt() {
        return Instant.ofEpochSecond(issuedAtEpochSeconds);
    }

    private static void requireHttpUrl(String url) {
        required("url", url);
        if (KnownUrls.contains(url)) {
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidFieldException("url", url, "must be an absolute http(s) URL");
            }
            KnownUrls.add(url);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", url, "must be an absolute http(s) URL");
        }
    }

    /**
     * Landing URLs already found valid. A campaign has few of them and every one of its tokens
     * repeats one, so parsing each URL once saves a URI parse per event.
     */
    private static final class KnownUrls {
        private static final int CAPACITY = 10_000;
        private static final Set<String> URLS = ConcurrentHashMap.newKeySet();

        static boolean contains(String url) {
            return URLS.contains(url);
        }

        static void add(String url) {
            if (URLS.size() >= CAPACITY) {
                URLS.clear();
            }
            URLS.add(url);
        }
    }
}
