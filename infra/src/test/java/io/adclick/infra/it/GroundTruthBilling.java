package io.adclick.infra.it;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.traffic.GroundTruthRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The billing truth of one hour worked out from what the generator sent, by the definitions and
 * not by the job's code: CONTRACT section 4 (authentic and unexpired token, first click of its
 * {@code event_id} and of its {@code impression_id}, impression recorded, no fraud rule) and the
 * embedded stack's enabled fraud rules (bot device, more than 10 clicks per user per minute, more
 * than 5 campaigns per untrusted IP per minute), in that order of precedence.
 *
 * <p>Everything comes from the ground-truth records except what only the edge decides, taken from
 * the archived event of each {@code event_id}: the {@code event_time} the edge stamps on {@code /i}
 * and {@code /c} (its receive time), the {@code device} it classifies from the User-Agent, and the
 * client {@code ip}.
 */
final class GroundTruthBilling {
    static final Duration LOOKBACK = Duration.ofHours(25);
    static final Duration LOOKAHEAD = Duration.ofHours(1);
    static final Pattern BOT_USER_AGENT =
            Pattern.compile("(?i)(bot\\b|bot/|crawl|spider|slurp|python-requests|curl/|wget/|headless|phantomjs)");
    static final int MAX_CLICKS_PER_USER_MINUTE = 10;
    static final int MAX_CAMPAIGNS_PER_IP_MINUTE = 5;
    static final List<String> TRUSTED_IP_PREFIXES = List.of("127.", "::1", "0:0:0:0:0:0:0:1");

    /** What the edge stamped on one archived event. */
    record Stamp(Instant eventTime, Instant receivedAt, String device, String ip) {
        Stamp {
            requireNonNull(eventTime, "eventTime is null");
            requireNonNull(receivedAt, "receivedAt is null");
            requireNonNull(device, "device is null");
        }
    }

    /** The dimensions of a billing row. */
    record Key(
            Instant hour,
            String advertiserId,
            String campaignId,
            String adId,
            String publisherId,
            String country,
            String device) {}

    /** One row of {@code billing_hourly} without its lineage columns. */
    record Row(
            Key key,
            long impressions,
            long clicks,
            long billableClicks,
            long spendMicros,
            long uniqueUsers,
            long duplicatesRemoved,
            long duplicateEventsRemoved,
            long doubleClicksRemoved,
            long expiredRemoved,
            long noImpressionRemoved,
            long fraudRemoved,
            Map<String, Long> fraudRemovedByRule) {}

    /** One distinct event: its first acknowledged copy, how many copies were acknowledged, its stamp. */
    private record Event(GroundTruthRecord sent, int copies, Stamp stamp) {
        Instant time() {
            return stamp.eventTime();
        }

        String id() {
            return sent.eventId();
        }

        Key key(Instant hour) {
            return new Key(
                    hour,
                    sent.advertiserId(),
                    sent.campaignId(),
                    sent.adId(),
                    sent.publisherId(),
                    sent.country(),
                    stamp.device());
        }
    }

    private static final Comparator<Event> FIRST = Comparator.comparing(Event::time)
            .thenComparing(e -> e.stamp().receivedAt())
            .thenComparing(Event::id);

    static final String EXPIRED_TOKEN = "expired_token";
    static final String DUPLICATE_IMPRESSION = "duplicate_impression";
    static final String NO_IMPRESSION = "no_impression";
    static final String BILLABLE = "billable";
    static final String FRAUD_PREFIX = "fraud:";

    private GroundTruthBilling() {}

    /**
     * The rows of the hour starting at {@code hour}.
     *
     * @param sent every ground-truth record (unacknowledged ones are ignored)
     * @param stamps the edge's stamp of each acknowledged {@code event_id}
     */
    static Set<Row> hourly(List<GroundTruthRecord> sent, Map<String, Stamp> stamps, Instant hour) {
        Instant end = hour.plus(1, ChronoUnit.HOURS);
        List<Event> events = distinctEvents(sent, stamps);
        Map<String, String> decisions = decide(events, hour);

        Map<Key, Tally> tallies = new TreeMap<>(Comparator.comparing(Key::toString));
        for (Event event : events) {
            if (event.sent().kind().equals("impression") && within(event.time(), hour, end)) {
                Tally tally = tallies.computeIfAbsent(event.key(hour), k -> new Tally());
                tally.impressions++;
                tally.users.add(event.sent().userId());
            }
        }
        for (Event click : events) {
            String decision = decisions.get(click.id());
            if (decision == null) {
                continue;
            }
            Tally tally = tallies.computeIfAbsent(click.key(hour), k -> new Tally());
            tally.clicks++;
            tally.users.add(click.sent().userId());
            tally.duplicateEvents += click.copies() - 1;
            switch (decision) {
                case EXPIRED_TOKEN -> tally.expired++;
                case DUPLICATE_IMPRESSION -> tally.doubleClicks++;
                case NO_IMPRESSION -> tally.noImpression++;
                case BILLABLE -> {
                    tally.billable++;
                    tally.spend += click.sent().cpcMicros();
                }
                default -> tally.fraud.merge(decision.substring(FRAUD_PREFIX.length()), 1L, Long::sum);
            }
        }
        Set<Row> rows = new HashSet<>();
        tallies.forEach((key, t) -> rows.add(t.row(key)));
        return rows;
    }

    /**
     * The decision of every distinct click of the hour starting at {@code hour} (its first copy;
     * later copies are {@code duplicate_event}): {@code expired_token}, {@code duplicate_impression},
     * {@code no_impression}, {@code fraud:<rule>} or {@code billable}, by {@code event_id}.
     */
    static Map<String, String> clickDecisions(List<GroundTruthRecord> sent, Map<String, Stamp> stamps, Instant hour) {
        return decide(distinctEvents(sent, stamps), hour);
    }

    private static Map<String, String> decide(List<Event> events, Instant hour) {
        Instant end = hour.plus(1, ChronoUnit.HOURS);
        Map<String, Instant> impressionRecorded = new HashMap<>();
        Map<String, Event> firstClickOfImpression = new HashMap<>();
        for (Event event : events) {
            boolean impression = event.sent().kind().equals("impression");
            if (impression && within(event.time(), hour.minus(LOOKBACK), end.plus(LOOKAHEAD))) {
                impressionRecorded.merge(event.sent().impressionId(), event.time(), (a, b) -> a.isBefore(b) ? a : b);
            }
            if (!impression && within(event.time(), hour.minus(LOOKBACK), end)) {
                firstClickOfImpression.merge(
                        event.sent().impressionId(), event, (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
            }
        }
        List<Event> clicks = events.stream()
                .filter(e -> e.sent().kind().equals("click") && within(e.time(), hour, end))
                .toList();
        Map<String, String> fraud = fraudRules(clicks);
        Map<String, String> decisions = new LinkedHashMap<>();
        for (Event click : clicks) {
            String impression = click.sent().impressionId();
            String decision;
            if (!click.sent().tokenStatus().equals("valid")) {
                decision = EXPIRED_TOKEN;
            } else if (!firstClickOfImpression.get(impression).id().equals(click.id())) {
                decision = DUPLICATE_IMPRESSION;
            } else if (!impressionRecorded.containsKey(impression)) {
                decision = NO_IMPRESSION;
            } else if (fraud.containsKey(click.id())) {
                decision = FRAUD_PREFIX + fraud.get(click.id());
            } else {
                decision = BILLABLE;
            }
            decisions.put(click.id(), decision);
        }
        return decisions;
    }

    /** The first rule (in configured order) that flags each flagged click. */
    private static Map<String, String> fraudRules(List<Event> clicks) {
        Map<String, Long> clicksPerUserMinute = new HashMap<>();
        Map<String, Set<String>> campaignsPerIpMinute = new HashMap<>();
        for (Event click : clicks) {
            String minute = click.time().truncatedTo(ChronoUnit.MINUTES).toString();
            clicksPerUserMinute.merge(click.sent().userId() + "@" + minute, 1L, Long::sum);
            if (judgedIp(click.stamp().ip())) {
                campaignsPerIpMinute
                        .computeIfAbsent(click.stamp().ip() + "@" + minute, k -> new HashSet<>())
                        .add(click.sent().campaignId());
            }
        }
        Map<String, String> firstRule = new HashMap<>();
        for (Event click : clicks) {
            String minute = click.time().truncatedTo(ChronoUnit.MINUTES).toString();
            if (click.stamp().device().equals("bot")
                    || BOT_USER_AGENT.matcher(click.sent().userAgent()).find()) {
                firstRule.put(click.id(), "bot_device");
            } else if (clicksPerUserMinute.get(click.sent().userId() + "@" + minute) > MAX_CLICKS_PER_USER_MINUTE) {
                firstRule.put(click.id(), "click_rate_per_user");
            } else if (judgedIp(click.stamp().ip())
                    && campaignsPerIpMinute
                                    .get(click.stamp().ip() + "@" + minute)
                                    .size()
                            > MAX_CAMPAIGNS_PER_IP_MINUTE) {
                firstRule.put(click.id(), "ip_burst");
            }
        }
        return firstRule;
    }

    private static boolean judgedIp(String ip) {
        return ip != null && TRUSTED_IP_PREFIXES.stream().noneMatch(ip::startsWith);
    }

    private static List<Event> distinctEvents(List<GroundTruthRecord> sent, Map<String, Stamp> stamps) {
        Map<String, List<GroundTruthRecord>> copies = new LinkedHashMap<>();
        for (GroundTruthRecord record : sent) {
            if (record.acknowledged() && record.eventId() != null) {
                copies.computeIfAbsent(record.eventId(), id -> new ArrayList<>())
                        .add(record);
            }
        }
        List<Event> events = new ArrayList<>();
        copies.forEach((id, records) -> events.add(new Event(
                records.get(0),
                records.size(),
                requireNonNull(stamps.get(id), () -> "no archived event for acknowledged " + id))));
        return events;
    }

    private static boolean within(Instant time, Instant from, Instant to) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    private static final class Tally {
        long impressions;
        long clicks;
        long billable;
        long spend;
        long duplicateEvents;
        long doubleClicks;
        long expired;
        long noImpression;
        final Map<String, Long> fraud = new TreeMap<>();
        final Set<String> users = new HashSet<>();

        Row row(Key key) {
            long fraudRemoved =
                    fraud.values().stream().mapToLong(Long::longValue).sum();
            return new Row(
                    key,
                    impressions,
                    clicks,
                    billable,
                    spend,
                    users.size(),
                    duplicateEvents + doubleClicks,
                    duplicateEvents,
                    doubleClicks,
                    expired,
                    noImpression,
                    fraudRemoved,
                    Map.copyOf(fraud));
        }
    }
}
