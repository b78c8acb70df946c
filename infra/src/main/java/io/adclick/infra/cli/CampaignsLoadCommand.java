package io.adclick.infra.cli;

import io.adclick.infra.traffic.CampaignSeeder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adclick campaigns load FILE}: loads budgets from a CSV file through the query router. */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = "Load campaign daily budgets from a CSV file (header campaign_id,advertiser_id,"
                + "daily_budget_micros) through the query router's POST /v1/campaigns. A campaign's budget is"
                + " its latest load.")
final class CampaignsLoadCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV file; - reads standard input.")
    String file;

    @Option(names = "--router", paramLabel = "URL", description = "The query router (default: the embedded stack's).")
    URI router;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description = "An engineer API key (default ADCLICK_API_KEY, else the embedded dev key dev-engineer).")
    String key;

    @Override
    public Integer call() throws IOException {
        String csv = "-".equals(file)
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(file));
        URI routerUrl = router != null
                ? router
                : URI.create(stackOptions.config().query().routerUrl());
        String apiKey =
                key != null ? key : System.getenv().getOrDefault("ADCLICK_API_KEY", CampaignSeeder.DEV_ENGINEER_KEY);
        String answer = new CampaignSeeder(routerUrl, apiKey).load(csv);
        spec.commandLine().getOut().printf("%s: %s%n", routerUrl, answer);
        return 0;
    }
}
