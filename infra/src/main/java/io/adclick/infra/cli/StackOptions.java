package io.adclick.infra.cli;

import io.adclick.infra.config.AdclickHome;
import io.adclick.infra.config.StackConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
        return config(Map.of());
    }

    /**
     * Defaults, then {@code ADCLICK_*} environment variables, then these flags and a command's own
     * ({@code flags}, by the variable each one overrides).
     */
    StackConfig config(Map<String, String> flags) {
        Map<String, String> settings = new HashMap<>(System.getenv());
        if (stateDir != null) {
            settings.put(StackConfig.STATE_DIR_ENV, stateDir.toString());
        }
        settings.putAll(flags);
        return StackComponents.requireDistinctPorts(StackConfig.fromEnvironment(AdclickHome.locate(), settings));
    }
}
