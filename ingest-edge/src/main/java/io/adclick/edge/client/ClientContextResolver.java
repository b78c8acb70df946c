package io.adclick.edge.client;

import static java.util.Objects.requireNonNull;

import io.adclick.edge.config.ClientConfig;
import io.adclick.schemas.Fields;
import io.adclick.schemas.event.Countries;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Reads the {@link ClientContext} of a request and makes the {@code uid} cookie. */
@Singleton
public final class ClientContextResolver {
    /** The visitor cookie and query parameter. */
    public static final String UID = "uid";
    /** The header the CDN or load balancer sets to the visitor's country. */
    public static final String COUNTRY_HEADER = "X-Country";
    /** The header that names an SDK client for rate limiting. */
    public static final String API_KEY_HEADER = "X-Api-Key";

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int API_KEY_HASH_HEX_CHARS = 16;

    private final ClientConfig config;
    private final DeviceClassifier devices;

    public ClientContextResolver(ClientConfig config, DeviceClassifier devices) {
        this.config = requireNonNull(config, "config is null");
        this.devices = requireNonNull(devices, "devices is null");
    }

    /** The client of {@code request}. */
    public ClientContext resolve(HttpRequest<?> request) {
        String ip = clientIp(request);
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        Optional<String> knownUid = request.getCookies()
                .findCookie(UID)
                .map(Cookie::getValue)
                .filter(ClientContextResolver::isIdentifier)
                .or(() -> request.getParameters().getFirst(UID).filter(ClientContextResolver::isIdentifier));
        String apiKey = request.getHeaders().get(API_KEY_HEADER);
        return new ClientContext(
                ip,
                userAgent,
                Countries.fromHeader(request.getHeaders().get(COUNTRY_HEADER)),
                devices.classify(userAgent),
                knownUid.orElseGet(() -> UUID.randomUUID().toString()),
                knownUid.isEmpty(),
                apiKey == null || apiKey.isBlank() ? ip : "key:" + hash(apiKey));
    }

    /** The cookie that remembers {@code userId}. */
    public Cookie uidCookie(String userId) {
        return Cookie.of(UID, userId)
                .path("/")
                .maxAge(config.uidCookieMaxAge())
                .httpOnly(true)
                .sameSite(SameSite.None)
                .secure(config.uidCookieSecure());
    }

    private String clientIp(HttpRequest<?> request) {
        if (config.trustForwardedFor()) {
            String forwarded = request.getHeaders().get(FORWARDED_FOR);
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                String firstHop = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
                if (!firstHop.isEmpty()) {
                    return firstHop;
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static boolean isIdentifier(@Nullable String value) {
        return value != null && Fields.IDENTIFIER.matcher(value).matches();
    }

    private static String hash(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, API_KEY_HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM cannot compute SHA-256", e);
        }
    }
}
