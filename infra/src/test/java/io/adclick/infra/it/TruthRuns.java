package io.adclick.infra.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.process.ChildProcess;
import io.adclick.infra.truth.TruthJobRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs the real truth and reconciliation jobs against the stack, failing with the end of their log. */
final class TruthRuns {
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

    private TruthRuns() {}

    /** Recomputes the hour {@code hourKey} ({@code 2026-11-23T10}). */
    static void hour(EmbeddedStack stack, String hourKey) {
        run(stack, TruthJobRunner.hour(hourKey), "hour --hour " + hourKey);
    }

    /** Recomputes each hour from {@code first} to {@code last} (both included), then reconciles them. */
    static void billAndReconcile(EmbeddedStack stack, Instant first, Instant last) {
        for (Instant hour = first; !hour.isAfter(last); hour = hour.plus(Duration.ofHours(1))) {
            hour(stack, key(hour));
        }
        run(stack, List.of("reconcile", "--from", key(first), "--to", key(last)), "reconcile");
    }

    private static String key(Instant hour) {
        return hour.toString().substring(0, 13);
    }

    private static void run(EmbeddedStack stack, List<String> arguments, String what) {
        Path log = stack.config().logFile("truth");
        int exitCode = new TruthJobRunner(stack.config()).runLogged(arguments, log, JOB_TIMEOUT);
        assertThat(exitCode)
                .as("exit code of %s; its log ends:%n%s", what, String.join("\n", ChildProcess.tail(log, 30)))
                .isZero();
    }
}
