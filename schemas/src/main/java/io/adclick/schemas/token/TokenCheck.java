package io.adclick.schemas.token;

import static java.util.Objects.requireNonNull;

/** The outcome of verifying a token: authentic and current, authentic but expired, or invalid. */
public sealed interface TokenCheck {

    /** Whether the token was signed by one of our keys (valid or expired). */
    default boolean authentic() {
        return !(this instanceof Invalid);
    }

    /** An authentic token within its validity window. */
    record Valid(AdTokenPayload payload) implements TokenCheck {
        public Valid {
            requireNonNull(payload, "payload is null");
        }
    }

    /** An authentic token used outside its validity window: recorded, never billable. */
    record Expired(AdTokenPayload payload, String reason) implements TokenCheck {
        public Expired {
            requireNonNull(payload, "payload is null");
            requireNonNull(reason, "reason is null");
        }

        /** The code clients and the raw log see: {@code expired_token}. */
        public String code() {
            return "expired_token";
        }
    }

    /** A token that is not authentic; nothing it says may be trusted. */
    record Invalid(TokenError error, String message) implements TokenCheck {
        public Invalid {
            requireNonNull(error, "error is null");
            requireNonNull(message, "message is null");
        }
    }
}
