package io.adclick.infra.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The samples of a Prometheus text scrape, by series: {@code name} or {@code name{label="v",...}}
 * exactly as the exporter writes it (labels in its order, alphabetical for Micrometer).
 */
record PrometheusSamples(Map<String, Double> samples) {
    PrometheusSamples {
        samples = Map.copyOf(samples);
    }

    static PrometheusSamples parse(String scrape) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space).trim(), Double.parseDouble(line.substring(space + 1)));
        }
        return new PrometheusSamples(samples);
    }

    /** The value of {@code series}, empty when the scrape does not have it. */
    Optional<Double> value(String series) {
        return Optional.ofNullable(samples.get(series));
    }
}
