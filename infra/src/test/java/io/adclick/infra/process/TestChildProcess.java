package io.adclick.infra.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestChildProcess {
    @TempDir
    Path dir;

    private final List<ChildExit> exits = new CopyOnWriteArrayList<>();

    @Test
    void aChildThatDiesOnItsOwnIsReportedWithItsExitCodeAndLastLogLines() {
        ChildProcess.start(
                "crasher", List.of("sh", "-c", "echo starting; echo boom; exit 3"), Map.of(), dir, log(), exits::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> !exits.isEmpty());
        ChildExit exit = exits.get(0);
        assertThat(exit.name()).isEqualTo("crasher");
        assertThat(exit.exitCode()).isEqualTo(3);
        assertThat(exit.lastLogLines()).endsWith("starting", "boom");
        assertThat(exit.describe()).contains("crasher", "code 3", log().toString(), "boom");
    }

    @Test
    void aStoppedChildIsNotReportedAsDead() {
        ChildProcess child = ChildProcess.start("sleeper", List.of("sleep", "30"), Map.of(), dir, log(), exits::add);

        assertThat(child.stop(Duration.ofSeconds(5))).as("stopped by SIGTERM").isTrue();

        assertThat(child.isAlive()).isFalse();
        assertThat(exits).isEmpty();
    }

    @Test
    void aChildIgnoringSigtermIsKilledAfterTheTimeout() {
        ChildProcess child = ChildProcess.start(
                "stubborn",
                List.of("sh", "-c", "trap '' TERM; echo ready; sleep 30"),
                Map.of(),
                dir,
                log(),
                exits::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> child.lastLogLines(1).contains("ready"));

        assertThat(child.stop(Duration.ofMillis(500))).as("stopped gracefully").isFalse();

        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void theLogStartsWithTheCommandLine() {
        ChildProcess child = ChildProcess.start("echo", List.of("echo", "hello"), Map.of(), dir, log(), exits::add);
        child.awaitExit(Duration.ofSeconds(10));

        assertThat(ChildProcess.tail(log(), 5))
                .anySatisfy(line -> assertThat(line).contains("echo starting echo hello"))
                .contains("hello");
    }

    @Test
    void aBackgroundChildRunsAtTheLowerPriorityWithItsOwnPidWithoutLoweringTheLauncher() throws Exception {
        String launcherGroup = autogroup(Path.of("/proc/self/autogroup"));
        ChildProcess child = ChildProcess.start(
                "background",
                List.of("sh", "-c", "echo nice=$(nice) pid=$$; cat /proc/self/autogroup 2>/dev/null || true"),
                Map.of(),
                dir,
                log(),
                7,
                exits::add);
        child.awaitExit(Duration.ofSeconds(10));

        List<String> lines = ChildProcess.tail(log(), 5);
        assertThat(lines).contains("nice=7 pid=" + child.pid());
        if (!launcherGroup.isEmpty()) {
            assertThat(lines).anySatisfy(line -> assertThat(line).endsWith("nice 7"));
            assertThat(autogroup(Path.of("/proc/self/autogroup"))).isEqualTo(launcherGroup);
        }
    }

    private static String autogroup(Path file) throws java.io.IOException {
        return java.nio.file.Files.exists(file)
                ? java.nio.file.Files.readString(file).trim()
                : "";
    }

    private Path log() {
        return dir.resolve("logs/child.log");
    }
}
