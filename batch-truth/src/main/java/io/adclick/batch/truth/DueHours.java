package io.adclick.batch.truth;

import static java.util.Objects.requireNonNull;

import io.adclick.batch.iceberg.TruthTables;
import io.adclick.batch.run.JobRunLog;
import io.adclick.schemas.table.AdclickTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The closed hours whose hourly job is due: an hour is closed when its end plus a grace period has
 * passed, and due when it holds raw events and was never computed, or when its own partition of
 * {@code raw_events} received appended data (late events) after the snapshot its latest successful
 * run read. Compaction and retention (replace and delete snapshots) never make an hour due.
 */
public final class DueHours {
    private static final String EVENT_TIME = "event_time";

    private final TruthTables tables;
    private final JobRunLog runs;

    public DueHours(TruthTables tables, JobRunLog runs) {
        this.tables = requireNonNull(tables, "tables is null");
        this.runs = requireNonNull(runs, "runs is null");
    }

    /** An hour to recompute, and why. */
    public record Due(TruthPartition hour, String reason) {
        public Due {
            requireNonNull(hour, "hour is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * The due hours among the {@code windowHours} closed hours before {@code now - grace}, oldest
     * first, judged against {@code raw_events} as of {@code currentSnapshot} (null: no data yet).
     */
    public List<Due> find(Instant now, Duration grace, int windowHours, Long currentSnapshot) {
        requireNonNull(now, "now is null");
        requireNonNull(grace, "grace is null");
        if (windowHours < 1) {
            throw new IllegalArgumentException("Invalid window: %d hours (must be at least 1)".formatted(windowHours));
        }
        if (currentSnapshot == null) {
            return List.of();
        }
        Instant firstOpen = now.minus(grace).truncatedTo(ChronoUnit.HOURS);
        List<TruthPartition> closed = new ArrayList<>();
        for (int i = windowHours; i >= 1; i--) {
            closed.add(new TruthPartition(TruthPartition.Granularity.HOUR, firstOpen.minus(i, ChronoUnit.HOURS)));
        }
        Map<String, Long> lastRead = runs.latestSuccessfulRawSnapshots(
                TruthPartition.Granularity.HOUR.jobName(),
                closed.stream().map(TruthPartition::key).toList());
        Table raw = tables.load(AdclickTables.RAW_EVENTS);
        List<Due> due = new ArrayList<>();
        for (TruthPartition hour : closed) {
            Long last = lastRead.get(hour.key());
            if (last == null) {
                if (hasFiles(raw.newScan().useSnapshot(currentSnapshot).filter(range(hour)))) {
                    due.add(new Due(hour, "never computed"));
                }
            } else if (last.longValue() != currentSnapshot && appendedSince(raw, last, currentSnapshot, hour)) {
                due.add(new Due(hour, "raw events appended since snapshot " + last));
            }
        }
        return due;
    }

    private static boolean appendedSince(Table raw, long last, long current, TruthPartition hour) {
        try (CloseableIterable<FileScanTask> files = raw.newIncrementalAppendScan()
                .fromSnapshotExclusive(last)
                .toSnapshot(current)
                .filter(range(hour))
                .planFiles()) {
            return files.iterator().hasNext();
        } catch (IllegalArgumentException notAnAncestor) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasFiles(TableScan scan) {
        try (CloseableIterable<FileScanTask> files = scan.planFiles()) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Expression range(TruthPartition hour) {
        return Expressions.and(
                Expressions.greaterThanOrEqual(EVENT_TIME, micros(hour.start())),
                Expressions.lessThan(EVENT_TIME, micros(hour.end())));
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
