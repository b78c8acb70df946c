package io.adclick.infra.stack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Where a running component lives, as written to {@code <state>/run/stack.json} so that
 * {@code adclick down} and {@code adclick status} can find it from another terminal.
 *
 * @param pid the operating-system process id
 * @param startedAt the process start time, to tell a reused pid from ours
 * @param commandMarker a string the process's command line must contain, e.g. {@code -Dadclick.component=kafka}
 * @param port the component's main loopback port, 0 when it has none
 * @param url the component's main URL (HTTP base URL or Kafka bootstrap address)
 * @param log the component's log file
 */
public record ComponentRecord(
        @JsonProperty("name") String name,
        @JsonProperty("pid") long pid,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("command_marker") String commandMarker,
        @JsonProperty("port") int port,
        @JsonProperty("url") String url,
        @JsonProperty("log") String log) {

    public ComponentRecord {
        requireNonNull(name, "name is null");
        requireNonNull(commandMarker, "commandMarker is null");
        requireNonNull(url, "url is null");
        requireNonNull(log, "log is null");
        if (pid <= 0) {
            throw new IllegalArgumentException("Invalid pid for " + name + ": " + pid);
        }
    }

    /**
     * The record of a component that runs as threads of the launcher itself (traffic, scheduler):
     * the launcher's pid and command marker, no port of its own.
     *
     * @param fallbackStart used when the operating system does not report the launcher's start
     */
    public static ComponentRecord inLauncher(String name, Instant fallbackStart, String url, String log) {
        ProcessHandle self = ProcessHandle.current();
        return new ComponentRecord(
                name,
                self.pid(),
                self.info().startInstant().orElse(fallbackStart),
                StackState.LAUNCHER_MARKER,
                0,
                url,
                log);
    }
}
