package io.adclick.batch.cli;

import io.adclick.batch.config.BatchSettings;
import io.adclick.batch.config.Setting;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "settings", description = "List every setting: key, environment variable, default, meaning.")
final class SettingsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Setting setting : BatchSettings.ALL) {
            System.out.printf(
                    "%s (%s)%n    default: %s%n    %s%n",
                    setting.key(), setting.environmentVariable(), setting.defaultValue(), setting.description());
        }
        return 0;
    }
}
