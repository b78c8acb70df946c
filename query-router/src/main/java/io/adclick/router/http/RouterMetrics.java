package io.adclick.router.http;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * Latency timers of the router's truth work, with p50/p99 and histogram buckets:
 * {@code adclick_router_query_seconds{endpoint=...}} and {@code adclick_router_invoice_seconds}.
 */
@Singleton
public final class RouterMetrics {
    private final MeterRegistry registry;

    public RouterMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** Times a query of {@code endpoint} (reports, audit_line, audit_events, audit_event). */
    public <T> T query(String endpoint, Supplier<T> work) {
        return timer("adclick.router.query", "Truth queries per endpoint", endpoint)
                .record(work);
    }

    /** Times an invoice request (lookup, or computation and storage). */
    public <T> T invoice(Supplier<T> work) {
        return timer("adclick.router.invoice", "Invoice requests", "invoices").record(work);
    }

    private Timer timer(String name, String description, String endpoint) {
        return Timer.builder(name)
                .description(description)
                .tag("endpoint", endpoint)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }
}
