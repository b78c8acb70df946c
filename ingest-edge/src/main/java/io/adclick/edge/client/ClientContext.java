package io.adclick.edge.client;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.Device;
import io.micronaut.core.annotation.Nullable;

/**
 * Who sent a request, as far as the edge can tell.
 *
 * @param ip the client address
 * @param userAgent the User-Agent header, if any
 * @param country the ISO-3166 code from {@code X-Country}, {@code ZZ} when unknown
 * @param device the device class of the User-Agent
 * @param userId the visitor id from the {@code uid} cookie or {@code ?uid=}, or a new one
 * @param userIdIsNew whether the edge generated {@code userId} and must set the cookie
 * @param sourceKey the rate-limit and quarantine source: a hash of {@code X-Api-Key}, else the IP
 */
public record ClientContext(
        String ip,
        @Nullable String userAgent,
        String country,
        Device device,
        String userId,
        boolean userIdIsNew,
        String sourceKey) {
    public ClientContext {
        requireNonNull(ip, "ip is null");
        requireNonNull(country, "country is null");
        requireNonNull(device, "device is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(sourceKey, "sourceKey is null");
    }
}
