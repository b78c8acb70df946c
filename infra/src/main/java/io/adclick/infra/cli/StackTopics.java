package io.adclick.infra.cli;

import io.adclick.infra.archive.ArchiveConnector;
import io.adclick.infra.kafka.ContractTopics;
import io.adclick.infra.kafka.TopicSpec;
import java.util.ArrayList;
import java.util.List;

/** The topics the embedded stack creates: the contract's, then the ones its engines coordinate through. */
public final class StackTopics {
    private StackTopics() {}

    /** {@link ContractTopics#all()} and the archive sink's control topic. */
    public static List<TopicSpec> all() {
        List<TopicSpec> topics = new ArrayList<>(ContractTopics.all());
        topics.addAll(ArchiveConnector.controlTopics());
        return List.copyOf(topics);
    }
}
