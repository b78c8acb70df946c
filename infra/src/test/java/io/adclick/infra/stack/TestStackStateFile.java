package io.adclick.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.process.RecordedProcess;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStackStateFile {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackTheStack() {
        StackStateFile file = new StackStateFile(dir.resolve("run/stack.json"));
        StackState state = StackState.forCurrentLauncher(dir, dir.resolve("logs/launcher.log"))
                .withComponents(List.of(new ComponentRecord(
                        "kafka",
                        4242,
                        Instant.parse("2026-11-23T10:15:30.123Z"),
                        "kafka.Kafka",
                        9092,
                        "127.0.0.1:9092",
                        "/state/logs/kafka.log")));

        file.write(state);

        assertThat(file.read()).contains(state);
    }

    @Test
    void noFileMeansNoStack() {
        assertThat(new StackStateFile(dir.resolve("run/stack.json")).read()).isEmpty();
    }

    @Test
    void aRecordedPidRunningAnotherCommandIsNotOurs() {
        ProcessHandle self = ProcessHandle.current();
        ComponentRecord record = new ComponentRecord(
                "edge",
                self.pid(),
                self.info().startInstant().orElseThrow(),
                "io.adclick.edge.EdgeApplication",
                8080,
                "http://127.0.0.1:8080",
                "edge.log");

        assertThat(new RecordedProcess(record).isRunning()).isFalse();
    }
}
