package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How often each {@link Scenario} is chosen: weights, normalized to proportions that sum to 1.
 * A proportion applies to scenarios, not requests (a double click is three requests).
 */
public final class TrafficMix {
    /** The default proportions: mostly views, some clicks, a few of each kind of trouble. */
    public static final TrafficMix DEFAULT = new TrafficMix(Map.of(
            Scenario.IMPRESSION, 0.60,
            Scenario.IMPRESSION_AND_CLICK, 0.14,
            Scenario.DOUBLE_CLICK, 0.03,
            Scenario.CLICK_WITHOUT_IMPRESSION, 0.03,
            Scenario.EXPIRED_TOKEN, 0.02,
            Scenario.TAMPERED_TOKEN, 0.02,
            Scenario.SDK_BATCH, 0.10,
            Scenario.TRANSPORT_DUPLICATE, 0.02,
            Scenario.LATE_EVENTS, 0.03,
            Scenario.BOT_BURST, 0.01));

    private final EnumMap<Scenario, Double> proportions = new EnumMap<>(Scenario.class);
    private final Scenario[] order = Scenario.values();
    private final double[] cumulative = new double[order.length];

    /** @param weights non-negative weights; missing scenarios have weight 0 */
    public TrafficMix(Map<Scenario, Double> weights) {
        requireNonNull(weights, "weights is null");
        double total = 0;
        for (Map.Entry<Scenario, Double> entry : weights.entrySet()) {
            double weight = requireNonNull(entry.getValue(), "weight is null");
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("Invalid proportion for %s: %s (must be a number >= 0)"
                        .formatted(entry.getKey().wireName(), weight));
            }
            total += weight;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("The traffic mix is empty: give at least one scenario a proportion > 0");
        }
        double running = 0;
        for (int i = 0; i < order.length; i++) {
            double share = weights.getOrDefault(order[i], 0.0) / total;
            proportions.put(order[i], share);
            running += share;
            cumulative[i] = running;
        }
        cumulative[order.length - 1] = 1.0;
    }

    /** This mix with some weights replaced (the others keep their weight). */
    public TrafficMix with(Map<Scenario, Double> overrides) {
        EnumMap<Scenario, Double> weights = new EnumMap<>(proportions);
        weights.putAll(overrides);
        return new TrafficMix(weights);
    }

    /** The normalized proportion of {@code scenario}. */
    public double proportion(Scenario scenario) {
        return proportions.get(scenario);
    }

    /** Draws one scenario. */
    public Scenario pick(RandomGenerator random) {
        double x = random.nextDouble();
        for (int i = 0; i < order.length; i++) {
            if (x < cumulative[i] && proportions.get(order[i]) > 0) {
                return order[i];
            }
        }
        for (int i = order.length - 1; i >= 0; i--) {
            if (proportions.get(order[i]) > 0) {
                return order[i];
            }
        }
        throw new IllegalStateException("unreachable: the mix has a positive proportion");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        proportions.forEach((scenario, share) -> {
            if (share > 0) {
                text.append(text.length() == 0 ? "" : ", ")
                        .append(scenario.wireName())
                        .append('=')
                        .append("%.3f".formatted(share));
            }
        });
        return text.toString();
    }
}
