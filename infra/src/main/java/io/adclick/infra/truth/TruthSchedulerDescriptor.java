package io.adclick.infra.truth;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.config.TruthConfig;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.ComponentPort;
import io.adclick.infra.launcher.ComponentStatus;
import io.adclick.infra.launcher.LaunchContext;
import io.adclick.infra.launcher.StatusContext;
import io.adclick.infra.launcher.UrlLine;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.ManagedComponent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The launcher thread that runs the billing truth jobs on their schedule. */
public final class TruthSchedulerDescriptor implements ComponentDescriptor {
    @Override
    public String name() {
        return TruthScheduler.NAME;
    }

    @Override
    public List<ComponentPort> ports(StackConfig config) {
        return List.of();
    }

    @Override
    public boolean enabled(LaunchContext context) {
        return context.config().truth().schedulerEnabled();
    }

    @Override
    public ManagedComponent create(LaunchContext context) {
        return new TruthScheduler(context.config(), context.console(), context.clock());
    }

    @Override
    public ComponentStatus status(ComponentRecord component, StatusContext context) {
        return new ComponentStatus(
                Health.up("scheduling"),
                TruthRun.read(TruthScheduler.lastRunFile(context.config()))
                                .map(run -> "last run: " + run.line())
                                .orElse("no run yet")
                        + reconciliationAlerts(TruthScheduler.alertsFile(context.config())));
    }

    @Override
    public List<UrlLine> urls(LaunchContext context) {
        StackConfig config = context.config();
        TruthConfig truth = config.truth();
        return List.of(new UrlLine(
                "truth jobs",
                truth.schedulerEnabled()
                        ? "hourly %s after each hour (checked every %d s), day recompute every %d min, maintenance every %d min; log %s"
                                .formatted(
                                        describe(truth.grace()),
                                        truth.checkInterval().toSeconds(),
                                        truth.dailyInterval().toMinutes(),
                                        truth.maintainInterval().toMinutes(),
                                        config.logFile(TruthScheduler.NAME))
                        : "off (" + TruthConfig.SCHEDULER_ENABLED_ENV + "=off)"));
    }

    private static String describe(Duration grace) {
        return grace.toSeconds() % 60 == 0 ? grace.toMinutes() + " min" : grace.toSeconds() + " s";
    }

    /** {@code "; N reconciliation alerts, last: ..."}, or nothing without alerts. */
    private static String reconciliationAlerts(Path alertsFile) {
        if (!Files.exists(alertsFile)) {
            return "";
        }
        try {
            List<String> alerts = Files.readAllLines(alertsFile);
            return alerts.isEmpty()
                    ? ""
                    : "; %d reconciliation ALERTS, last: %s".formatted(alerts.size(), alerts.get(alerts.size() - 1));
        } catch (IOException e) {
            return "; reconciliation alerts unreadable: " + e.getMessage();
        }
    }
}
