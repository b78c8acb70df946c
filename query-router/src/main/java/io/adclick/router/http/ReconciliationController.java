package io.adclick.router.http;

import static java.util.Objects.requireNonNull;

import io.adclick.router.auth.Caller;
import io.adclick.router.reconciliation.ReconciliationAnswer;
import io.adclick.router.reconciliation.ReconciliationQuery;
import io.adclick.router.reconciliation.Reconciliations;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** {@code GET /v1/reconciliation}: estimates against truth per hour and campaign, drift explained. */
@Controller("/v1/reconciliation")
public class ReconciliationController {
    private final Reconciliations reconciliations;
    private final RouterMetrics metrics;

    public ReconciliationController(Reconciliations reconciliations, RouterMetrics metrics) {
        this.reconciliations = requireNonNull(reconciliations, "reconciliations is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Operation(
            summary = "Per hour and campaign: estimate, truth, drift, explained categories, residual, category, alert",
            description = "Read from adclick.reconciliation. Finance, auditor and engineer keys see every advertiser;"
                    + " an advertiser key only its own.")
    @ApiResponse(responseCode = "200", description = "The reconciliation rows")
    @ApiResponse(responseCode = "400", description = "A bad parameter")
    @ApiResponse(responseCode = "401", description = "No valid API key")
    @ApiResponse(responseCode = "403", description = "Outside the key's scope")
    @Get
    public ReconciliationAnswer reconciliation(
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "inclusive ISO-8601 instant on a whole hour") @Nullable @QueryValue String from,
            @Parameter(description = "exclusive ISO-8601 instant on a whole hour") @Nullable @QueryValue String to,
            @Parameter(description = "comma list of campaign ids") @Nullable @QueryValue("campaign_id")
                    String campaignId,
            @Parameter(description = "the advertiser; an advertiser key defaults to its own")
                    @Nullable
                    @QueryValue("advertiser_id")
                    String advertiserId) {
        ReconciliationQuery query = ReconciliationQuery.parse(from, to, advertiserId, campaignId, caller);
        return metrics.query("reconciliation", () -> reconciliations.read(query));
    }
}
