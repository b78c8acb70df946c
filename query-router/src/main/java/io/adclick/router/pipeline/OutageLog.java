package io.adclick.router.pipeline;

import static java.util.Objects.requireNonNull;

import org.slf4j.Logger;

/**
 * Logs the outages of one source once each: a warning when a read first fails (with what to do),
 * an info line when it answers again, nothing on the ticks in between.
 */
final class OutageLog {
    private final String source;
    private final String remedy;
    private final Logger log;
    private boolean down;

    /**
     * @param source the source's name in the log line
     * @param remedy what an operator should check while it is down
     */
    OutageLog(String source, String remedy, Logger log) {
        this.source = requireNonNull(source, "source is null");
        this.remedy = requireNonNull(remedy, "remedy is null");
        this.log = requireNonNull(log, "log is null");
    }

    /** A read succeeded. */
    synchronized void succeeded() {
        if (down) {
            down = false;
            log.info("Pipeline metrics: {} answers again; its gauges are current", source);
        }
    }

    /** A read failed with {@code error}. */
    synchronized void failed(RuntimeException error) {
        if (!down) {
            down = true;
            log.warn(
                    "Pipeline metrics: cannot read {} ({}); its gauges read NaN and its adclick_pipeline_source_up"
                            + " reads 0 until it answers again: {}",
                    source,
                    error.getMessage(),
                    remedy);
        }
    }
}
