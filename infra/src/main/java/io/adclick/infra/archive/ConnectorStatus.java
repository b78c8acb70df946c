package io.adclick.infra.archive;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the Connect worker says about the archive connector.
 *
 * @param connectorState e.g. {@code RUNNING}, {@code FAILED}, or {@code UNKNOWN} with a reason
 * @param taskStates the state of each task, in task order
 */
public record ConnectorStatus(String connectorState, List<String> taskStates) {
    public static final String RUNNING = "RUNNING";

    public ConnectorStatus {
        requireNonNull(connectorState, "connectorState is null");
        taskStates = List.copyOf(taskStates);
    }

    static ConnectorStatus unknown(String reason) {
        return new ConnectorStatus("UNKNOWN (" + reason + ")", List.of());
    }

    /** Whether the connector and every one of its (at least one) tasks run. */
    public boolean running() {
        return connectorState.equals(RUNNING)
                && !taskStates.isEmpty()
                && taskStates.stream().allMatch(RUNNING::equals);
    }

    /** E.g. {@code connector RUNNING, tasks 2/2 RUNNING}. */
    public String describe() {
        long running = taskStates.stream().filter(RUNNING::equals).count();
        return "connector %s, tasks %d/%d RUNNING".formatted(connectorState, running, taskStates.size());
    }
}
