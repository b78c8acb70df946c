package io.adclick.infra.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The samples of a Prometheus text exposition ({@code GET /metrics}), enough to pick out a few key
 * figures for {@code adclick status} and the series the end-to-end tests check.
 */
public record PrometheusText(List<Sample> samples) {
    /** One line {@code name{labels} value}. */
    public record Sample(String name, String labels, double value) {}

    public PrometheusText {
        samples = List.copyOf(samples);
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(2))
            .build();

    /** {@code GET metricsUrl}, parsed. */
    public static PrometheusText fetch(java.net.URI metricsUrl, java.time.Duration timeout)
            throws java.io.IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = HTTP.send(
                java.net.http.HttpRequest.newBuilder(metricsUrl)
                        .timeout(timeout)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new java.io.IOException("GET %s: HTTP %d".formatted(metricsUrl.getPath(), response.statusCode()));
        }
        return parse(response.body());
    }

    /** The value of the sample named {@code name} whose labels contain {@code label}, if there is one. */
    public OptionalDouble value(String name, String label) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().contains(label))
                .mapToDouble(Sample::value)
                .findFirst();
    }

    /**
     * The value of one series, written as the exporter writes it: {@code name} or
     * {@code name{label="v",...}} with the labels in the exporter's order.
     */
    public Optional<Double> series(String series) {
        return samples.stream()
                .filter(s -> series.equals(s.labels().isEmpty() ? s.name() : s.name() + "{" + s.labels() + "}"))
                .map(Sample::value)
                .findFirst();
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int brace = trimmed.indexOf('{');
            int close = trimmed.lastIndexOf('}');
            String name;
            String labels;
            String rest;
            if (brace > 0 && close > brace) {
                name = trimmed.substring(0, brace);
                labels = trimmed.substring(brace + 1, close);
                rest = trimmed.substring(close + 1).strip();
            } else {
                int space = trimmed.indexOf(' ');
                if (space < 0) {
                    continue;
                }
                name = trimmed.substring(0, space);
                labels = "";
                rest = trimmed.substring(space + 1).strip();
            }
            String number = rest.split("\\s+")[0];
            try {
                samples.add(new Sample(name, labels, Double.parseDouble(number)));
            } catch (NumberFormatException e) {
                // Not a number (e.g. +Inf): no use for the key figures.
            }
        }
        return new PrometheusText(samples);
    }

    /** The sum of the samples whose name matches, or empty if none does. */
    public OptionalDouble sum(Predicate<String> name) {
        List<Sample> matching =
                samples.stream().filter(s -> name.test(s.name())).toList();
        return matching.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(matching.stream().mapToDouble(Sample::value).sum());
    }

    /** A name predicate: contains every one of {@code words} (case-insensitive). */
    public static Predicate<String> nameContains(String... words) {
        return name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!lower.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }
}
