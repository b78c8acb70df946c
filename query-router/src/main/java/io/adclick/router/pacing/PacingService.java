package io.adclick.router.pacing;

import static java.util.Objects.requireNonNull;

import io.adclick.router.campaign.Campaigns;
import io.adclick.router.report.Dimension;
import io.adclick.router.report.Granularity;
import io.adclick.router.report.Mode;
import io.adclick.router.report.PinotAndTruthEstimates;
import io.adclick.router.report.ReportAnswer;
import io.adclick.router.report.ReportQuery;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Pacing of an advertiser's campaigns on a UTC day: the spend so far from dashboard mode (truth
 * for the hours truth completed, the stream estimates after), against each campaign's daily budget
 * from {@code adclick.campaigns}.
 */
@Singleton
public final class PacingService {
    private static final Duration DAY = Duration.ofDays(1);

    private final PinotAndTruthEstimates estimates;
    private final Campaigns campaigns;
    private final Clock clock;

    public PacingService(PinotAndTruthEstimates estimates, Campaigns campaigns) {
        this(estimates, campaigns, Clock.systemUTC());
    }

    PacingService(PinotAndTruthEstimates estimates, Campaigns campaigns, Clock clock) {
        this.estimates = requireNonNull(estimates, "estimates is null");
        this.campaigns = requireNonNull(campaigns, "campaigns is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public PacingAnswer pacing(String advertiserId, LocalDate date) {
        Instant now = clock.instant();
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        double elapsed = elapsedFraction(dayStart, now);
        ReportAnswer spend = estimates.dashboard(new ReportQuery(
                Mode.DASHBOARD,
                Optional.of(advertiserId),
                List.of(),
                dayStart,
                dayStart.plus(DAY),
                Granularity.HOUR,
                List.of(Dimension.CAMPAIGN_ID),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
        Map<String, Long> spent = new TreeMap<>();
        for (Map<String, Object> row : spend.rows()) {
            spent.merge((String) row.get("campaign_id"), ((Number) row.get("spend_micros")).longValue(), Long::sum);
        }
        Map<String, Long> budgets = campaigns.budgets(advertiserId);
        Map<String, Long> all = new TreeMap<>(spent);
        budgets.keySet().forEach(campaign -> all.putIfAbsent(campaign, 0L));
        List<CampaignPace> paces = new ArrayList<>();
        all.forEach((campaign, micros) -> paces.add(CampaignPace.of(campaign, micros, budgets.get(campaign), elapsed)));
        return new PacingAnswer(
                advertiserId,
                date,
                now,
                elapsed,
                spend.source(),
                spend.completeThrough(),
                spend.truthSnapshotId(),
                paces);
    }

    /** How much of the day starting at {@code dayStart} is over at {@code now}, 0 to 1. */
    static double elapsedFraction(Instant dayStart, Instant now) {
        long millis = Duration.between(dayStart, now).toMillis();
        return Math.max(0, Math.min(1, (double) millis / DAY.toMillis()));
    }
}
