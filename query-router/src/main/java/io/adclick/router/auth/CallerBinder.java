package io.adclick.router.auth;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds a controller's {@link Caller} argument to the request's API key, so that no controller
 * authenticates by hand: a request without a valid key never reaches the controller (401 from
 * {@link Authenticator}). Declare the {@code Caller} first, so that it is bound, and refused, before
 * any parameter.
 */
@Singleton
public final class CallerBinder implements TypedRequestArgumentBinder<Caller> {
    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    private final Authenticator authenticator;

    public CallerBinder(Authenticator authenticator) {
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
    }

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> request) {
        Caller caller = authenticator.authenticate(request);
        return () -> Optional.of(caller);
    }
}
