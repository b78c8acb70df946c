package io.adclick.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of an API key, the only form in which keys are configured and kept. */
public final class ApiKeyHash {
    private ApiKeyHash() {}

    /** The digest of {@code key}'s UTF-8 bytes. */
    public static byte[] of(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    /** The digest of {@code key} in lower-case hex, as configured in {@code adclick.router.auth.keys}. */
    public static String hex(String key) {
        return HexFormat.of().formatHex(of(key));
    }

    /** Parses a configured hex digest. */
    public static byte[] parseHex(String hex) {
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(
                    "Invalid API key hash \"%s\": configure the key's SHA-256 as 64 hex digits (echo -n KEY | sha256sum)"
                            .formatted(hex));
        }
        return HexFormat.of().parseHex(hex);
    }
}
