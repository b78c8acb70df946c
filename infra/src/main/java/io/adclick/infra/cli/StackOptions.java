package io.adclick.infra.cli;

import io.adclick.infra.config.AdclickHome;
import io.adclick.infra.config.StackConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every stack command shares. */
final class StackOptions {
    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Data, logs and run/stack.json (default: $ADCLICK_STATE_DIR, else $ADCLICK_HOME/.adclick).")
    Path stateDir;

    /** Defaults, then {@code ADCLICK_*} environment variables, then these flags. */
    StackConfig config() {
        StackConfig config = StackConfig.fromEnvironment(AdclickHome.locate(), System.getenv());
        return StackComponents.requireDistinctPorts(stateDir == null ? config : config.withStateDir(stateDir));
    }
}
