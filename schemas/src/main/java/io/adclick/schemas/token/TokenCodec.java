package io.adclick.schemas.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The token's encoding pieces: RFC 4648 URL-safe base64 without padding, HMAC-SHA256. */
final class TokenCodec {
    static final String MAC_ALGORITHM = "HmacSHA256";
    static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    static final ObjectMapper JSON = new ObjectMapper();

    private TokenCodec() {}

    static Mac newMac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(new SecretKeySpec(secret, MAC_ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("This JVM cannot compute " + MAC_ALGORITHM, e);
        }
    }
}
