package io.adclick.schemas.token;

import java.util.Locale;

/** Why a token is not authentic. The {@link #code()} is what the edge returns to clients. */
public enum TokenError {
    /** Not of the form {@code b64url(payload) "." b64url(mac)}. */
    MALFORMED_TOKEN,
    /** The payload is not JSON of the contract's shape, or a field is invalid. */
    MALFORMED_PAYLOAD,
    /** The payload names a key id that is not configured. */
    UNKNOWN_KID,
    /** The MAC does not match the payload under the named key. */
    BAD_SIGNATURE,
    /** The landing URL is not an absolute http(s) URL. */
    INVALID_URL;

    /** The machine-readable code, for example {@code bad_signature}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
