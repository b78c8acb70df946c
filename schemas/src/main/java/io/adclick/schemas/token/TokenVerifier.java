package io.adclick.schemas.token;

import static io.adclick.schemas.token.TokenCodec.B64URL;
import static io.adclick.schemas.token.TokenCodec.B64URL_DECODER;
import static io.adclick.schemas.token.TokenCodec.JSON;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.schemas.InvalidFieldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;

/**
 * Verifies ad tokens: the MAC (compared in constant time) under any configured key, the payload's
 * shape, and the validity window at the time of the event. Thread-safe.
 */
public final class TokenVerifier {
    /** Longer tokens are refused before any decoding. */
    public static final int MAX_TOKEN_CHARS = 4096;

    private final SigningKeys keys;
    private final TokenPolicy policy;
    private final Map<String, ThreadLocal<Mac>> macs = new ConcurrentHashMap<>();

    public TokenVerifier(SigningKeys keys, TokenPolicy policy) {
        this.keys = requireNonNull(keys, "keys is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    /** Verifies {@code token} for an event that happened at {@code eventTime}. */
    public TokenCheck verify(String token, Instant eventTime) {
        requireNonNull(eventTime, "eventTime is null");
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return invalid(
                    TokenError.MALFORMED_TOKEN, "token is missing or longer than " + MAX_TOKEN_CHARS + " characters");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1 || token.indexOf('.', dot + 1) >= 0) {
            return invalid(TokenError.MALFORMED_TOKEN, "token must be b64url(payload).b64url(signature)");
        }
        String encodedPayload = token.substring(0, dot);
        String signature = token.substring(dot + 1);

        JsonNode payloadJson;
        try {
            payloadJson = JSON.readTree(B64URL_DECODER.decode(encodedPayload));
        } catch (IllegalArgumentException | IOException e) {
            return invalid(TokenError.MALFORMED_TOKEN, "token payload is not base64url-encoded JSON");
        }
        if (payloadJson == null
                || !payloadJson.isObject()
                || !payloadJson.path("kid").isTextual()) {
            return invalid(TokenError.MALFORMED_PAYLOAD, "token payload must be a JSON object with a \"kid\"");
        }
        String kid = payloadJson.get("kid").asText();
        if (!keys.contains(kid)) {
            return invalid(TokenError.UNKNOWN_KID, "token is signed with unknown key id \"" + kid + "\"");
        }
        byte[] expected = B64URL.encode(mac(kid).doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII)));
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return invalid(TokenError.BAD_SIGNATURE, "token signature does not match its payload");
        }

        AdTokenPayload payload;
        try {
            payload = readPayload(payloadJson);
        } catch (InvalidFieldException e) {
            if (e.field().equals("url")) {
                return invalid(TokenError.INVALID_URL, "token " + e.getMessage());
            }
            return invalid(TokenError.MALFORMED_PAYLOAD, "token payload is invalid: " + e.getMessage());
        }
        return checkWindow(payload, eventTime);
    }

    /** Reads the payload field by field: several times faster than reflective data binding. */
    private static AdTokenPayload readPayload(JsonNode json) {
        return new AdTokenPayload(
                version(json),
                text(json, "kid"),
                text(json, "imp"),
                text(json, "adv"),
                text(json, "cmp"),
                text(json, "ad"),
                text(json, "pub"),
                integral(json, "cpc"),
                text(json, "url"),
                integral(json, "iat"));
    }

    private static int version(JsonNode json) {
        long version = integral(json, "v");
        if (version != (int) version) {
            throw new InvalidFieldException(
                    "v", version, "token payload version must be " + AdTokenPayload.CURRENT_VERSION);
        }
        return (int) version;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidFieldException(field, value == null ? null : value.toString(), "must be a string");
        }
        return value.textValue();
    }

    private static long integral(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidFieldException(field, value == null ? null : value.toString(), "must be an integer");
        }
        return value.longValue();
    }

    private TokenCheck checkWindow(AdTokenPayload payload, Instant eventTime) {
        Instant issuedAt = payload.issuedAt();
        if (issuedAt.isAfter(eventTime.plus(policy.maxFutureSkew()))) {
            return new TokenCheck.Expired(
                    payload, "token issued %s after the event".formatted(Duration.between(eventTime, issuedAt)));
        }
        if (issuedAt.plus(policy.maxAge()).isBefore(eventTime)) {
            return new TokenCheck.Expired(payload, "token is older than %s at the event".formatted(policy.maxAge()));
        }
        return new TokenCheck.Valid(payload);
    }

    private Mac mac(String kid) {
        ThreadLocal<Mac> perThread = macs.computeIfAbsent(
                kid,
                k -> ThreadLocal.withInitial(
                        () -> TokenCodec.newMac(keys.secret(k).orElseThrow())));
        return perThread.get();
    }

    private static TokenCheck.Invalid invalid(TokenError error, String message) {
        return new TokenCheck.Invalid(error, message);
    }
}
