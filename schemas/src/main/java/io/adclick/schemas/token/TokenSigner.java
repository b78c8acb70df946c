package io.adclick.schemas.token;

import static io.adclick.schemas.token.TokenCodec.B64URL;
import static io.adclick.schemas.token.TokenCodec.JSON;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;

/**
 * Signs ad tokens: {@code b64url(payload_json) "." b64url(HMAC_SHA256(key[kid], b64url(payload_json)))}.
 * What the ad server does once per served ad; shipped for tools and tests.
 */
public final class TokenSigner {
    private final SigningKeys keys;

    public TokenSigner(SigningKeys keys) {
        this.keys = requireNonNull(keys, "keys is null");
    }

    /** Signs {@code payload} with the key its {@code kid} names. */
    public String sign(AdTokenPayload payload) {
        requireNonNull(payload, "payload is null");
        byte[] secret = keys.secret(payload.kid())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cannot sign: key id \"%s\" is not in %s".formatted(payload.kid(), keys)));
        String encodedPayload = B64URL.encodeToString(toJson(payload));
        byte[] mac = TokenCodec.newMac(secret).doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
        return encodedPayload + "." + B64URL.encodeToString(mac);
    }

    /** The key id new tokens should name. */
    public String signingKid() {
        return keys.signingKid();
    }

    private static byte[] toJson(AdTokenPayload payload) {
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode token payload " + payload, e);
        }
    }
}
