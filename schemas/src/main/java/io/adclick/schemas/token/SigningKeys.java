package io.adclick.schemas.token;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HMAC keys tokens are signed with, by key id. Several keys can be live at once so that keys
 * rotate: the signer uses one, the verifier accepts all. Parsed from {@code ADCLICK_SIGNING_KEYS}
 * ({@code kid:secret,kid2:secret2}).
 */
public final class SigningKeys {
    /** The environment variable that holds the keys. */
    public static final String ENVIRONMENT_VARIABLE = "ADCLICK_SIGNING_KEYS";
    /** The embedded default: one key, {@code dev}. */
    public static final String EMBEDDED_DEFAULT = "dev:adclick-dev-secret";

    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final Map<String, byte[]> secrets;
    private final String signingKid;

    private SigningKeys(Map<String, byte[]> secrets, String signingKid) {
        this.secrets = secrets;
        this.signingKid = signingKid;
    }

    /**
     * Parses {@code kid:secret[,kid:secret...]}. The first key is the one new tokens are signed
     * with.
     */
    public static SigningKeys parse(String spec) {
        requireNonNull(spec, "signing keys spec is null");
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("Invalid %s entry \"%s\": expected kid:secret, for example %s"
                        .formatted(ENVIRONMENT_VARIABLE, redact(trimmed), EMBEDDED_DEFAULT));
            }
            String kid = trimmed.substring(0, colon);
            if (!KID.matcher(kid).matches()) {
                throw new IllegalArgumentException("Invalid key id \"%s\" in %s: use 1-32 characters of [A-Za-z0-9_.-]"
                        .formatted(kid, ENVIRONMENT_VARIABLE));
            }
            if (secrets.put(kid, trimmed.substring(colon + 1).getBytes(StandardCharsets.UTF_8)) != null) {
                throw new IllegalArgumentException("Key id \"%s\" appears twice in %s: each kid needs one secret"
                        .formatted(kid, ENVIRONMENT_VARIABLE));
            }
        }
        return new SigningKeys(Map.copyOf(secrets), secrets.keySet().iterator().next());
    }

    /** The keys from {@code ADCLICK_SIGNING_KEYS}, or the embedded default when it is not set. */
    public static SigningKeys fromEnvironment() {
        String spec = System.getenv(ENVIRONMENT_VARIABLE);
        return parse(spec == null || spec.isBlank() ? EMBEDDED_DEFAULT : spec);
    }

    /** The secret of {@code kid}, if that key is configured. */
    Optional<byte[]> secret(String kid) {
        byte[] secret = secrets.get(kid);
        return secret == null ? Optional.empty() : Optional.of(Arrays.copyOf(secret, secret.length));
    }

    /** The key id new tokens are signed with. */
    public String signingKid() {
        return signingKid;
    }

    /** Whether {@code kid} is one of the configured keys. */
    public boolean contains(String kid) {
        return secrets.containsKey(kid);
    }

    private static String redact(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? entry : entry.substring(0, colon) + ":***";
    }

    @Override
    public String toString() {
        return "SigningKeys" + secrets.keySet();
    }
}
