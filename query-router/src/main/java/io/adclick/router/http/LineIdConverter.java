package io.adclick.router.http;

import io.adclick.router.audit.LineId;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Binds a {@code {lineId}} path segment to a {@link LineId}; a malformed one is its 400, answered as it is. */
@Singleton
public final class LineIdConverter implements TypeConverter<String, LineId> {
    @Override
    public Optional<LineId> convert(String value, Class<LineId> targetType, ConversionContext context) {
        return Optional.of(new LineId(value));
    }
}
