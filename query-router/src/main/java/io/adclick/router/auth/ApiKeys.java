package io.adclick.router.auth;

import io.adclick.router.config.AuthConfig;
import io.adclick.schemas.Fields;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accepted API keys, by SHA-256, and who each one is. A presented key is hashed and compared
 * with every configured hash in constant time ({@link MessageDigest#isEqual}), without stopping at
 * the first match, so that timing tells nothing about which keys exist.
 */
@Singleton
public final class ApiKeys {
    /** The embedded development keys' advertiser prefix: {@code dev-adv-<advertiser_id>}. */
    public static final String DEV_ADVERTISER_PREFIX = "dev-adv-";

    private static final List<String> DEV_KEYS = List.of("dev-finance", "dev-auditor", "dev-engineer");

    private record Entry(byte[] hash, Caller caller) {}

    private final List<Entry> entries;
    private final boolean devKeys;

    public ApiKeys(AuthConfig config) {
        List<Entry> list = new ArrayList<>();
        for (String spec : config.keys()) {
            list.add(parse(spec));
        }
        if (config.devKeys()) {
            for (String key : DEV_KEYS) {
                list.add(new Entry(ApiKeyHash.of(key), Caller.of(Role.fromWire(key.substring("dev-".length())))));
            }
        }
        this.entries = List.copyOf(list);
        this.devKeys = config.devKeys();
    }

    /** Who {@code key} belongs to, or empty for an unknown key. */
    public Optional<Caller> identify(String key) {
        byte[] hash = ApiKeyHash.of(key);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash) && found == null) {
                found = entry.caller();
            }
        }
        if (found == null && devKeys && key.startsWith(DEV_ADVERTISER_PREFIX)) {
            String advertiser = key.substring(DEV_ADVERTISER_PREFIX.length());
            if (Fields.isIdentifier(advertiser)) {
                found = Caller.advertiser(advertiser);
            }
        }
        return Optional.ofNullable(found);
    }

    /** Parses {@code <sha256-hex>:<role>[:<advertiser_id>]}. */
    static Entry parse(String spec) {
        String[] parts = spec.strip().split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException(
                    "Invalid adclick.router.auth.keys entry \"%s\": use <sha256-hex>:<role> or <sha256-hex>:advertiser:<advertiser_id>"
                            .formatted(abbreviate(spec)));
        }
        byte[] hash = ApiKeyHash.parseHex(parts[0]);
        Role role = Role.fromWire(parts[1]);
        if (role == Role.ADVERTISER) {
            if (parts.length != 3 || !Fields.isIdentifier(parts[2])) {
                throw new IllegalArgumentException(
                        "Invalid adclick.router.auth.keys entry for an advertiser key: end it with :<advertiser_id>");
            }
            return new Entry(hash, Caller.advertiser(parts[2]));
        }
        if (parts.length == 3) {
            throw new IllegalArgumentException(
                    "Invalid adclick.router.auth.keys entry: only advertiser keys name an advertiser_id");
        }
        return new Entry(hash, Caller.of(role));
    }

    private static String abbreviate(String spec) {
        return spec.length() > 12 ? spec.substring(0, 12) + "..." : spec;
    }
}
