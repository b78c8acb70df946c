package io.adclick.edge.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.adclick.schemas.event.Device;
import io.micronaut.core.annotation.Nullable;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * The device class of a User-Agent, by Yauaa. The analyzer is built once, for the
 * {@code DeviceClass} field only, and results are cached per User-Agent string. Thread-safe.
 */
public final class DeviceClassifier {
    private final UserAgentAnalyzer analyzer;
    private final Cache<String, Device> cache;

    public DeviceClassifier(int cacheSize) {
        this.analyzer = UserAgentAnalyzer.newBuilder()
                .withField(UserAgent.DEVICE_CLASS)
                .withoutCache()
                .hideMatcherLoadStats()
                .immediateInitialization()
                .build();
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** The device of {@code userAgent}; {@code other} when there is none. */
    public Device classify(@Nullable String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Device.OTHER;
        }
        return cache.get(userAgent, this::analyze);
    }

    private Device analyze(String userAgent) {
        return DeviceClasses.toDevice(analyzer.parse(userAgent).getValue(UserAgent.DEVICE_CLASS));
    }
}
