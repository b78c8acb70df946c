package io.adclick.router.http;

import static java.util.Objects.requireNonNull;

import io.adclick.router.auth.Caller;
import io.adclick.router.auth.Role;
import io.adclick.router.campaign.CampaignCsv;
import io.adclick.router.campaign.Campaigns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;

/** {@code POST /v1/campaigns}: engineers load campaign budgets into {@code adclick.campaigns}. */
@Controller("/v1/campaigns")
public class CampaignsController {
    private final Campaigns campaigns;

    public CampaignsController(Campaigns campaigns) {
        this.campaigns = requireNonNull(campaigns, "campaigns is null");
    }

    @Operation(
            summary = "Load campaign daily budgets (engineer)",
            description = "CSV body with the header campaign_id,advertiser_id,daily_budget_micros. Appends; a"
                    + " campaign's budget is its latest load.")
    @ApiResponse(responseCode = "200", description = "How many campaigns were loaded")
    @ApiResponse(responseCode = "400", description = "A malformed line")
    @ApiResponse(responseCode = "403", description = "Not an engineer key")
    @Post
    @Consumes({MediaType.TEXT_PLAIN, "text/csv"})
    public Map<String, Object> load(@Parameter(hidden = true) Caller caller, @Nullable @Body String csv) {
        caller.requireRole("load campaign budgets", Role.ENGINEER);
        return Map.of("loaded", campaigns.load(CampaignCsv.parse(csv)));
    }
}
