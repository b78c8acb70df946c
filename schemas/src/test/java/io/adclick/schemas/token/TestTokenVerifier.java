package io.adclick.schemas.token;

import static io.adclick.schemas.token.Tokens.DEV;
import static io.adclick.schemas.token.Tokens.NOW;
import static io.adclick.schemas.token.Tokens.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TestTokenVerifier {
    private final TokenSigner signer = new TokenSigner(DEV);
    private final TokenVerifier verifier = new TokenVerifier(DEV, TokenPolicy.DEFAULT);

    @Test
    void acceptsTokenItSignedAndReturnsThePayload() {
        String token = signer.sign(payload());

        assertThat(verifier.verify(token, NOW)).isEqualTo(new TokenCheck.Valid(payload()));
    }

    @Test
    void tokenHasTheContractShape() {
        String token = signer.sign(payload());
        String[] parts = token.split("\\.");

        assertThat(parts).hasSize(2);
        assertThat(token).doesNotContain("=", "+", "/");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"kid\":\"dev\",\"imp\":\"imp-1\",\"adv\":\"adv-1\",\"cmp\":\"cmp-1\","
                        + "\"ad\":\"ad-1\",\"pub\":\"pub-1\",\"cpc\":250000,"
                        + "\"url\":\"https://landing.example/shoes\",\"iat\":1795428930}");
    }

    @Test
    void tokenOlderThanMaxAgeIsExpiredButAuthentic() {
        String token =
                signer.sign(payload("dev", NOW.minus(Duration.ofHours(24)).minusSeconds(1)));

        TokenCheck check = verifier.verify(token, NOW);

        assertThat(check).isInstanceOf(TokenCheck.Expired.class);
        assertThat(check.authentic()).isTrue();
    }

    @Test
    void tokenExactlyMaxAgeOldIsValid() {
        String token = signer.sign(payload("dev", NOW.minus(Duration.ofHours(24))));

        assertThat(verifier.verify(token, NOW)).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void tokenIssuedMoreThanFiveMinutesAfterTheEventIsExpired() {
        assertThat(verifier.verify(signer.sign(payload("dev", NOW.plusSeconds(301))), NOW))
                .isInstanceOf(TokenCheck.Expired.class);
        assertThat(verifier.verify(signer.sign(payload("dev", NOW.plusSeconds(300))), NOW))
                .isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void maxAgeIsConfigurable() {
        TokenVerifier strict = new TokenVerifier(DEV, new TokenPolicy(Duration.ofHours(1), Duration.ZERO));
        String token = signer.sign(payload("dev", NOW.minus(Duration.ofHours(2))));

        assertThat(strict.verify(token, NOW)).isInstanceOf(TokenCheck.Expired.class);
    }

    @Test
    void unknownKidIsInvalid() {
        SigningKeys other = SigningKeys.parse("other:some-secret");
        String token = new TokenSigner(other).sign(payload("other", NOW));

        assertThat(verifier.verify(token, NOW)).isEqualTo(invalid(TokenError.UNKNOWN_KID));
    }

    @Test
    void sameKidWithAnotherSecretIsABadSignature() {
        String token = new TokenSigner(SigningKeys.parse("dev:not-the-dev-secret")).sign(payload());

        assertThat(errorOf(verifier.verify(token, NOW))).isEqualTo(TokenError.BAD_SIGNATURE);
    }

    @Test
    void rotatedKeysAreAllAcceptedAndTheFirstSigns() {
        SigningKeys rotated = SigningKeys.parse("k2:second-secret,k1:first-secret");
        TokenVerifier rotatingVerifier = new TokenVerifier(rotated, TokenPolicy.DEFAULT);
        TokenSigner oldSigner = new TokenSigner(SigningKeys.parse("k1:first-secret"));

        assertThat(rotated.signingKid()).isEqualTo("k2");
        assertThat(rotatingVerifier.verify(oldSigner.sign(payload("k1", NOW)), NOW))
                .isInstanceOf(TokenCheck.Valid.class);
        assertThat(rotatingVerifier.verify(new TokenSigner(rotated).sign(payload("k2", NOW)), NOW))
                .isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void malformedTokensAreInvalidWithACode() {
        assertThat(errorOf(verifier.verify("", NOW))).isEqualTo(TokenError.MALFORMED_TOKEN);
        assertThat(errorOf(verifier.verify("no-dot-here", NOW))).isEqualTo(TokenError.MALFORMED_TOKEN);
        assertThat(errorOf(verifier.verify("a.b.c", NOW))).isEqualTo(TokenError.MALFORMED_TOKEN);
        assertThat(errorOf(verifier.verify("!!!.abc", NOW))).isEqualTo(TokenError.MALFORMED_TOKEN);
        assertThat(errorOf(verifier.verify("x".repeat(5000) + ".y", NOW))).isEqualTo(TokenError.MALFORMED_TOKEN);
    }

    @Test
    void authenticPayloadWithANonHttpUrlIsInvalidUrl() {
        String token = signRaw("{\"v\":1,\"kid\":\"dev\",\"imp\":\"i\",\"adv\":\"a\",\"cmp\":\"c\",\"ad\":\"d\","
                + "\"pub\":\"p\",\"cpc\":1,\"url\":\"javascript:alert(1)\",\"iat\":1795428930}");

        assertThat(errorOf(verifier.verify(token, NOW))).isEqualTo(TokenError.INVALID_URL);
    }

    @Test
    void authenticPayloadWithABadIdentifierIsMalformedPayloadNamingTheField() {
        String token = signRaw("{\"v\":1,\"kid\":\"dev\",\"imp\":\"bad id!\",\"adv\":\"a\",\"cmp\":\"c\",\"ad\":\"d\","
                + "\"pub\":\"p\",\"cpc\":1,\"url\":\"https://x.example\",\"iat\":1795428930}");

        TokenCheck check = verifier.verify(token, NOW);

        assertThat(errorOf(check)).isEqualTo(TokenError.MALFORMED_PAYLOAD);
        assertThat(((TokenCheck.Invalid) check).message()).contains("imp", "bad id!");
    }

    @Test
    void authenticPayloadMissingAFieldIsMalformedPayload() {
        String token = signRaw("{\"v\":1,\"kid\":\"dev\"}");

        assertThat(errorOf(verifier.verify(token, NOW))).isEqualTo(TokenError.MALFORMED_PAYLOAD);
    }

    @Test
    void signingKeysRejectBadSpecsWithAUsefulMessage() {
        assertThatThrownBy(() -> SigningKeys.parse("nosecret")).hasMessageContaining("kid:secret");
        assertThatThrownBy(() -> SigningKeys.parse("a:1,a:2")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> SigningKeys.parse("bad kid:1")).hasMessageContaining("Invalid key id");
        assertThat(SigningKeys.parse("dev:secret:with:colons").contains("dev")).isTrue();
    }

    static String signRaw(String json) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        byte[] mac = TokenCodec.newMac("adclick-dev-secret".getBytes(StandardCharsets.UTF_8))
                .doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
        return encoded + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static TokenCheck.Invalid invalid(TokenError error) {
        return new TokenCheck.Invalid(error, "token is signed with unknown key id \"other\"");
    }

    private static TokenError errorOf(TokenCheck check) {
        assertThat(check).isInstanceOf(TokenCheck.Invalid.class);
        return ((TokenCheck.Invalid) check).error();
    }
}
