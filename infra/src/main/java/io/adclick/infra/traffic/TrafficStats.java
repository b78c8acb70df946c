package io.adclick.infra.traffic;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Counters of a traffic run, updated by the senders and read by the progress display. */
public final class TrafficStats {
    private final LongAdder requests = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** Counts one request with its truth lines. */
    public void record(EdgeResponse response, List<GroundTruthRecord> truth) {
        requests.increment();
        events.add(truth.size());
        acknowledged.add(truth.stream().filter(GroundTruthRecord::acknowledged).count());
        if (response.status() == 0) {
            failed.increment();
        } else if (response.status() >= 400) {
            refused.increment();
        }
    }

    public long requests() {
        return requests.sum();
    }

    public long events() {
        return events.sum();
    }

    public long acknowledged() {
        return acknowledged.sum();
    }

    /** Requests answered with 4xx/5xx. */
    public long refused() {
        return refused.sum();
    }

    /** Requests without an answer. */
    public long failed() {
        return failed.sum();
    }

    /** e.g. {@code events 1200, acked 1150, 4xx/5xx 12, no answer 0}. */
    public String summary() {
        return "events %d, acked %d, 4xx/5xx %d, no answer %d".formatted(events(), acknowledged(), refused(), failed());
    }
}
