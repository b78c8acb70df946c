package io.adclick.batch.cli;

import io.adclick.batch.config.BatchConfig;
import io.adclick.batch.config.BatchSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command takes: settings overrides. */
public final class CommonOptions {
    @Option(
            names = "--conf",
            paramLabel = "KEY=VALUE",
            description = "Override a setting, e.g. adclick.catalog.uri=http://host:8181 (see the settings command).")
    List<String> conf = new ArrayList<>();

    /** The configuration: --conf, then environment, then defaults. */
    public BatchConfig config() {
        return BatchSettings.resolve(BatchSettings.parsePairs(conf), System.getenv());
    }
}
