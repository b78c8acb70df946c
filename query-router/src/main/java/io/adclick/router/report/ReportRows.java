package io.adclick.router.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Report rows as answered on the wire ({@code bucket}, the group-by fields, then the measures), and
 * the bucketing and ordering shared by the truth and estimate parts of a dashboard answer.
 */
public final class ReportRows {
    private ReportRows() {}

    /** One bucket and group: the bucket's start and the group-by values in {@code group_by} order. */
    public record Key(long bucketMillis, List<String> group) {
        public Key {
            group = List.copyOf(group);
        }
    }

    /** The summed measures of a bucket and group. */
    public record Measures(long impressions, long clicks, long billableClicks, long spendMicros, long uniqueUsers) {
        public static final Measures ZERO = new Measures(0, 0, 0, 0, 0);

        public Measures plus(Measures other) {
            return new Measures(
                    impressions + other.impressions,
                    clicks + other.clicks,
                    billableClicks + other.billableClicks,
                    spendMicros + other.spendMicros,
                    uniqueUsers + other.uniqueUsers);
        }
    }

    /** The start of the {@code granularity} bucket holding {@code millis} (UTC). */
    public static long bucketOf(long millis, Granularity granularity) {
        long length = granularity.length().toMillis();
        return Math.floorDiv(millis, length) * length;
    }

    /** Sums rows of finer buckets into {@code granularity} buckets, in bucket then group order. */
    public static Map<Key, Measures> bucketed(Map<Key, Measures> fine, Granularity granularity) {
        Map<Key, Measures> out = new TreeMap<>(ORDER);
        fine.forEach((key, measures) ->
                out.merge(new Key(bucketOf(key.bucketMillis(), granularity), key.group()), measures, Measures::plus));
        return out;
    }

    /** The wire rows of {@code rows} for {@code query}, in bucket then group order. */
    public static List<Map<String, Object>> wire(ReportQuery query, Map<Key, Measures> rows) {
        Map<Key, Measures> ordered = new TreeMap<>(ORDER);
        ordered.putAll(rows);
        List<Map<String, Object>> out = new ArrayList<>(ordered.size());
        ordered.forEach((key, m) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bucket", Instant.ofEpochMilli(key.bucketMillis()).toString());
            for (int i = 0; i < query.groupBy().size(); i++) {
                row.put(query.groupBy().get(i).column(), key.group().get(i));
            }
            row.put("impressions", m.impressions());
            row.put("clicks", m.clicks());
            row.put("billable_clicks", m.billableClicks());
            row.put("spend_micros", m.spendMicros());
            row.put("ctr", m.impressions() == 0 ? 0.0 : (double) m.clicks() / m.impressions());
            row.put("unique_users", m.uniqueUsers());
            out.add(row);
        });
        return out;
    }

    /**
     * The rows of both parts of a dashboard answer as one list in bucket then group order. The
     * parts cover disjoint time ranges, so no bucket appears in both.
     */
    public static List<Map<String, Object>> merged(
            ReportQuery query, List<Map<String, Object>> truth, List<Map<String, Object>> estimates) {
        requireNonNull(query, "query is null");
        List<Map<String, Object>> all = new ArrayList<>(truth.size() + estimates.size());
        all.addAll(truth);
        all.addAll(estimates);
        Comparator<Map<String, Object>> order = Comparator.comparing(row -> Instant.parse((String) row.get("bucket")));
        for (Dimension dimension : query.groupBy()) {
            order = order.thenComparing(
                    row -> String.valueOf(row.get(dimension.column())),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        all.sort(order);
        return all;
    }

    private static final Comparator<Key> ORDER = (a, b) -> {
        int c = Long.compare(a.bucketMillis(), b.bucketMillis());
        for (int i = 0; c == 0 && i < a.group().size(); i++) {
            c = String.valueOf(a.group().get(i))
                    .compareTo(String.valueOf(b.group().get(i)));
        }
        return c;
    };
}
