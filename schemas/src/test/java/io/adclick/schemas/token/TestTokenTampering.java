package io.adclick.schemas.token;

import static io.adclick.schemas.token.Tokens.DEV;
import static io.adclick.schemas.token.Tokens.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever is done to a signed token, only the untouched token verifies. */
class TestTokenTampering {
    private final TokenSigner signer = new TokenSigner(DEV);
    private final TokenVerifier verifier = new TokenVerifier(DEV, TokenPolicy.DEFAULT);

    @Property(tries = 200)
    void untouchedTokensVerify(@ForAll("payloads") AdTokenPayload payload) {
        assertThat(verifier.verify(signer.sign(payload), NOW)).isEqualTo(new TokenCheck.Valid(payload));
    }

    @Property(tries = 200)
    void everyByteFlipIsRejected(
            @ForAll("payloads") AdTokenPayload payload, @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] token = signer.sign(payload).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < token.length; i++) {
            byte[] flipped = token.clone();
            flipped[i] = (byte) (flipped[i] ^ mask);
            String tampered = new String(flipped, StandardCharsets.ISO_8859_1);

            assertThat(verifier.verify(tampered, NOW).authentic())
                    .as("token with byte %d xor %d", i, mask)
                    .isFalse();
        }
    }

    @Property(tries = 100)
    void everyTruncationIsRejected(@ForAll("payloads") AdTokenPayload payload) {
        String token = signer.sign(payload);
        for (int length = 0; length < token.length(); length++) {
            assertThat(verifier.verify(token.substring(0, length), NOW).authentic())
                    .as("token cut to %d chars", length)
                    .isFalse();
        }
    }

    @Property(tries = 100)
    void aPayloadMovedToAnotherKidIsRejected(@ForAll("payloads") AdTokenPayload payload) {
        SigningKeys twoKeys = SigningKeys.parse("dev:adclick-dev-secret,k2:another-secret");
        TokenVerifier twoKeyVerifier = new TokenVerifier(twoKeys, TokenPolicy.DEFAULT);
        String token = signer.sign(payload);
        String signature = token.substring(token.indexOf('.') + 1);
        String movedPayload = b64(
                new String(decodePayload(token), StandardCharsets.UTF_8).replace("\"kid\":\"dev\"", "\"kid\":\"k2\""));

        assertThat(twoKeyVerifier.verify(movedPayload + "." + signature, NOW).authentic())
                .isFalse();
    }

    @Property(tries = 100)
    void aReEncodedPayloadIsRejected(@ForAll("payloads") AdTokenPayload payload) {
        String token = signer.sign(payload);
        String signature = token.substring(token.indexOf('.') + 1);
        String json = new String(decodePayload(token), StandardCharsets.UTF_8);
        String withSpaces = b64(json.replace(",", ", "));
        String withPadding = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String standardAlphabet =
                Base64.getEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(withSpaces + "." + signature, NOW).authentic())
                .isFalse();
        if (!withPadding.equals(token.substring(0, token.indexOf('.')))) {
            assertThat(verifier.verify(withPadding + "." + signature, NOW).authentic())
                    .isFalse();
        }
        if (!standardAlphabet.equals(token.substring(0, token.indexOf('.')))) {
            assertThat(verifier.verify(standardAlphabet + "." + signature, NOW).authentic())
                    .isFalse();
        }
    }

    @Provide
    Arbitrary<AdTokenPayload> payloads() {
        Arbitrary<String> ids = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-")
                .ofMinLength(1)
                .ofMaxLength(64);
        Arbitrary<Long> cpc = Arbitraries.longs().between(0, 50_000_000);
        Arbitrary<String> url = Arbitraries.strings()
                .alpha()
                .numeric()
                .ofMinLength(0)
                .ofMaxLength(40)
                .map(path -> "https://landing.example/" + path);
        Arbitrary<Long> issuedAt = Arbitraries.longs().between(NOW.getEpochSecond() - 86_000, NOW.getEpochSecond());
        return Combinators.combine(ids, ids, ids, ids, ids, cpc, url, issuedAt)
                .as((imp, adv, cmp, ad, pub, c, u, iat) ->
                        new AdTokenPayload(1, "dev", imp, adv, cmp, ad, pub, c, u, iat));
    }

    private static byte[] decodePayload(String token) {
        return Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
