package io.adclick.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStack {
    private final List<String> events = new ArrayList<>();

    @TempDir
    Path stateDir;

    @Test
    void startsInOrderAndStopsInReverse() {
        Stack stack = stack(new Fake("kafka", false), new Fake("edge", false), new Fake("traffic", false));

        stack.start();
        stack.stop();

        assertThat(events)
                .containsExactly(
                        "start kafka", "start edge", "start traffic", "stop traffic", "stop edge", "stop kafka");
    }

    @Test
    void recordsEveryStartedComponentInStackJson() {
        StackStateFile file = new StackStateFile(stateDir.resolve("run/stack.json"));
        Stack stack = new Stack(
                List.of(new Fake("kafka", false), new Fake("edge", false)),
                file,
                StackState.forCurrentLauncher(stateDir, stateDir.resolve("launcher.log")),
                line -> {});

        stack.start();

        StackState state = file.read().orElseThrow();
        assertThat(state.components()).extracting(ComponentRecord::name).containsExactly("kafka", "edge");
        assertThat(state.launcher().pid()).isEqualTo(ProcessHandle.current().pid());
        stack.stop();
        assertThat(file.read()).isEmpty();
    }

    @Test
    void aFailedStartStopsWhatWasStartedAndRethrows() {
        Stack stack = stack(new Fake("kafka", false), new Fake("edge", true), new Fake("traffic", false));

        assertThatThrownBy(stack::start).isInstanceOf(StartupException.class).hasMessage("edge failed");
        assertThat(events).containsExactly("start kafka", "start edge", "stop edge", "stop kafka");
    }

    private Stack stack(ManagedComponent... components) {
        return new Stack(
                List.of(components),
                new StackStateFile(stateDir.resolve("run/stack.json")),
                StackState.forCurrentLauncher(stateDir, stateDir.resolve("launcher.log")),
                line -> {});
    }

    private final class Fake implements ManagedComponent {
        private final String name;
        private final boolean failOnStart;

        Fake(String name, boolean failOnStart) {
            this.name = name;
            this.failOnStart = failOnStart;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
            if (failOnStart) {
                throw new StartupException(name + " failed");
            }
        }

        @Override
        public Health health() {
            return Health.up("fake");
        }

        @Override
        public void stop() {
            events.add("stop " + name);
        }

        @Override
        public Optional<ComponentRecord> record() {
            return Optional.of(new ComponentRecord(
                    name, ProcessHandle.current().pid(), Instant.EPOCH, "java", 0, "", name + ".log"));
        }
    }
}
