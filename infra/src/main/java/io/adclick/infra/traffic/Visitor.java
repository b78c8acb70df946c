package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.Device;

/**
 * Who sends a request: user id (the {@code uid} query parameter), country (the CDN's
 * {@code X-Country} header), device and User-Agent.
 */
public record Visitor(String userId, String country, Device device, String userAgent) {
    public Visitor {
        requireNonNull(userId, "userId is null");
        requireNonNull(country, "country is null");
        requireNonNull(device, "device is null");
        requireNonNull(userAgent, "userAgent is null");
    }

    public boolean isBot() {
        return device == Device.BOT;
    }
}
