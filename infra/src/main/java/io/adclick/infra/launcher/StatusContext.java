package io.adclick.infra.launcher;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.stack.StackState;
import java.util.Optional;

/**
 * What {@code adclick status} knows when it probes one component.
 *
 * @param config the stack's configuration
 * @param state the stack as recorded in {@code stack.json}
 * @param kafkaBootstrap the recorded broker's address, empty when the stack runs without it
 */
public record StatusContext(StackConfig config, StackState state, Optional<String> kafkaBootstrap) {
    public StatusContext {
        requireNonNull(config, "config is null");
        requireNonNull(state, "state is null");
        requireNonNull(kafkaBootstrap, "kafkaBootstrap is null");
    }
}
