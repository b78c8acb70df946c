package io.adclick.edge.overload;

import static java.util.Objects.requireNonNull;

import com.netflix.concurrency.limits.Limiter;
import io.adclick.edge.config.OverloadConfig;
import io.adclick.edge.http.BatchController;
import io.adclick.edge.http.ErrorResponses;
import io.adclick.edge.metrics.EdgeMetrics;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Admission control of the ingest endpoints: a request gets a slot of its lane's adaptive
 * concurrency limit or an immediate {@code 503} with {@code Retry-After} ({@code overloaded}), so
 * that what the edge accepts keeps its latency when clients send more than it can take. Answered
 * requests ({@code 2xx}, {@code 3xx}) are the limit's latency samples; a full spool ({@code 503})
 * counts as a drop; other answers and cancelled requests are ignored.
 */
@Filter({"/i/**", "/c/**", BatchController.PATH})
public class ConcurrencyLimitFilter implements HttpServerFilter {
    private final ConcurrencyLimits limits;
    private final OverloadConfig config;
    private final EdgeMetrics metrics;

    public ConcurrencyLimitFilter(ConcurrencyLimits limits, OverloadConfig config, EdgeMetrics metrics) {
        this.limits = requireNonNull(limits, "limits is null");
        this.config = requireNonNull(config, "config is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!config.enabled()) {
            return chain.proceed(request);
        }
        IngestLane lane = IngestLane.of(request.getPath());
        Optional<Limiter.Listener> slot = limits.acquire(lane);
        if (slot.isEmpty()) {
            metrics.rejected(ErrorResponses.OVERLOADED);
            return Mono.just(ErrorResponses.retryLater(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorResponses.OVERLOADED,
                    "The edge is at its limit of %d concurrent %s requests: retry after the Retry-After delay"
                            .formatted(limits.limit(lane), lane.metricName()),
                    config.retryAfter()));
        }
        Release release = new Release(slot.get());
        return Flux.from(chain.proceed(request))
                .doOnNext(response -> release.answered(response.code()))
                .doOnError(failure -> release.once(Limiter.Listener::onIgnore))
                .doOnCancel(() -> release.once(Limiter.Listener::onIgnore))
                .doFinally(signal -> release.once(Limiter.Listener::onIgnore));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }

    /** Gives a slot back exactly once. */
    private static final class Release {
        private final Limiter.Listener listener;
        private final AtomicBoolean released = new AtomicBoolean();

        Release(Limiter.Listener listener) {
            this.listener = listener;
        }

        void answered(int status) {
            if (status < 400) {
                once(Limiter.Listener::onSuccess);
            } else if (status == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
                once(Limiter.Listener::onDropped);
            } else {
                once(Limiter.Listener::onIgnore);
            }
        }

        void once(Consumer<Limiter.Listener> release) {
            if (released.compareAndSet(false, true)) {
                release.accept(listener);
            }
        }
    }
}
