package io.adclick.edge.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The edge's durable local spool ({@code adclick.edge.spool.*}), where events wait while Kafka is
 * away.
 *
 * @param dir the spool directory, relative to the working directory unless absolute
 * @param maxBytes the most undrained bytes the spool holds; beyond it requests get {@code 503}
 * @param segmentBytes the size at which a segment file is closed and a new one started
 * @param drainBatchRecords the most records the drainer sends to Kafka before waiting for acks
 * @param drainBackoffMin the first pause of the drainer after Kafka failed
 * @param drainBackoffMax the longest pause of the drainer while Kafka stays down
 * @param fullRetryAfter the {@code Retry-After} sent with {@code 503} when the spool is full
 */
@ConfigurationProperties("adclick.edge.spool")
public record SpoolConfig(
        @Bindable(defaultValue = ".adclick/edge/spool") @NotNull Path dir,
        @Bindable(defaultValue = "1GB") @ReadableBytes @Min(4096) long maxBytes,
        @Bindable(defaultValue = "64MB") @ReadableBytes @Min(1024) long segmentBytes,
        @Bindable(defaultValue = "2000") @Min(1) int drainBatchRecords,
        @Bindable(defaultValue = "100ms") @NotNull Duration drainBackoffMin,
        @Bindable(defaultValue = "5s") @NotNull Duration drainBackoffMax,
        @Bindable(defaultValue = "5s") @NotNull Duration fullRetryAfter) {}
