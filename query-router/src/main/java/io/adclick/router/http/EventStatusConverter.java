package io.adclick.router.http;

import io.adclick.router.audit.EventStatus;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds {@code status=billable|duplicate|fraud} to an {@link EventStatus}; another value is the
 * 400 of {@link EventStatus#parse}, answered as it is.
 */
@Singleton
public final class EventStatusConverter implements TypeConverter<String, EventStatus> {
    @Override
    public Optional<EventStatus> convert(String value, Class<EventStatus> targetType, ConversionContext context) {
        return EventStatus.parse(value);
    }
}
