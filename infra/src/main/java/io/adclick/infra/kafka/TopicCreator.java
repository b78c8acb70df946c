package io.adclick.infra.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/** Creates the topics that do not exist yet and checks that the existing ones have enough partitions. */
public final class TopicCreator {
    private final Admin admin;
    private final Duration timeout;

    public TopicCreator(Admin admin, Duration timeout) {
        this.admin = requireNonNull(admin, "admin is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /**
     * Makes sure every topic of {@code specs} exists.
     *
     * @return the names of the topics it created
     */
    public List<String> ensure(List<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (existing.contains(spec.name())) {
                    present.add(spec.name());
                } else {
                    missing.add(spec.toNewTopic());
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            checkPartitions(specs, present);
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the Kafka topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka topics", e);
        }
    }

    private void checkPartitions(List<TopicSpec> specs, List<String> present)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(present).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (TopicSpec spec : specs) {
            TopicDescription description = descriptions.get(spec.name());
            if (description != null && description.partitions().size() < spec.partitions()) {
                throw new IllegalStateException(
                        "Topic %s has %d partitions but needs %d: delete the state directory or add partitions"
                                .formatted(spec.name(), description.partitions().size(), spec.partitions()));
            }
        }
    }
}
