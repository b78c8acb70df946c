package io.adclick.router.http;

import static java.util.Objects.requireNonNull;

import io.adclick.router.auth.Caller;
import io.adclick.router.report.Mode;
import io.adclick.router.report.PinotAndTruthEstimates;
import io.adclick.router.report.ReportAnswer;
import io.adclick.router.report.ReportQuery;
import io.adclick.router.report.ReportSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Named;

/** {@code GET /v1/reports}: dashboard or billing reports. */
@Controller("/v1/reports")
public class ReportsController {
    private final ReportSource truth;
    private final PinotAndTruthEstimates estimates;
    private final RouterMetrics metrics;

    public ReportsController(
            @Named(ReportSource.TRUTH) ReportSource truth, PinotAndTruthEstimates estimates, RouterMetrics metrics) {
        this.truth = requireNonNull(truth, "truth is null");
        this.estimates = requireNonNull(estimates, "estimates is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Operation(
            summary = "Impressions, clicks, billable clicks and spend per time bucket and group",
            description = "Billing mode reads billing truth only (hour or day buckets, aligned to whole hours/days);"
                    + " dashboard mode reads the estimates source. An advertiser key sees only its own advertiser.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "400", description = "A bad parameter")
    @ApiResponse(responseCode = "401", description = "No valid API key")
    @ApiResponse(responseCode = "403", description = "Outside the key's scope")
    @Get
    public ReportAnswer reports(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "dashboard (default) or billing") @Nullable @QueryValue String mode,
            @Parameter(description = "the advertiser; an advertiser key defaults to its own")
                    @Nullable
                    @QueryValue("advertiser_id")
                    String advertiserId,
            @Parameter(description = "comma list of campaign ids") @Nullable @QueryValue("campaign_id")
                    String campaignId,
            @Parameter(description = "inclusive ISO-8601 instant") @Nullable @QueryValue String from,
            @Parameter(description = "exclusive ISO-8601 instant") @Nullable @QueryValue String to,
            @Parameter(description = "minute, hour (default) or day") @Nullable @QueryValue String granularity,
            @Parameter(description = "comma list of campaign_id, ad_id, publisher_id, country, device")
                    @Nullable
                    @QueryValue("group_by")
                    String groupBy,
            @Nullable @QueryValue String country,
            @Nullable @QueryValue String device,
            @Nullable @QueryValue("publisher_id") String publisherId) {
        ReportQuery query = ReportQuery.parse(
                new ReportQuery.Raw(
                        mode, advertiserId, campaignId, from, to, granularity, groupBy, country, device, publisherId),
                caller);
        return metrics.query(
                "reports", () -> query.mode() == Mode.BILLING ? truth.report(query) : estimates.dashboard(query));
    }
}
