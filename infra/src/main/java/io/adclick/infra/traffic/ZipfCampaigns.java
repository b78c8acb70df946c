package io.adclick.infra.traffic;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Picks campaign ranks the way real traffic does: one hot campaign gets a fixed share, the others
 * follow a Zipf law (rank {@code k} is proportional to {@code 1/k^s}).
 */
public final class ZipfCampaigns {
    /** The hot campaign's share of served ads (and so of clicks). */
    public static final double DEFAULT_HOT_SHARE = 0.30;

    public static final double DEFAULT_EXPONENT = 1.0;

    private final double[] cumulative;

    /**
     * @param count number of campaigns (ranks {@code 0..count-1})
     * @param hotShare probability of rank 0
     * @param exponent the Zipf exponent of the remaining ranks
     */
    public ZipfCampaigns(int count, double hotShare, double exponent) {
        if (count < 2) {
            throw new IllegalArgumentException("Need at least 2 campaigns, got " + count);
        }
        if (!(hotShare > 0 && hotShare < 1)) {
            throw new IllegalArgumentException("Invalid hot campaign share: " + hotShare + " (use 0 < share < 1)");
        }
        if (!(exponent > 0)) {
            throw new IllegalArgumentException("Invalid Zipf exponent: " + exponent + " (must be positive)");
        }
        double[] weights = new double[count];
        double tail = 0;
        for (int rank = 1; rank < count; rank++) {
            weights[rank] = 1 / Math.pow(rank, exponent);
            tail += weights[rank];
        }
        cumulative = new double[count];
        cumulative[0] = hotShare;
        for (int rank = 1; rank < count; rank++) {
            cumulative[rank] = cumulative[rank - 1] + (1 - hotShare) * weights[rank] / tail;
        }
        cumulative[count - 1] = 1.0;
    }

    public static ZipfCampaigns standard(int count) {
        return new ZipfCampaigns(count, DEFAULT_HOT_SHARE, DEFAULT_EXPONENT);
    }

    /** A rank in {@code [0, count)}. */
    public int sample(RandomGenerator random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return index >= 0 ? Math.min(index + 1, cumulative.length - 1) : -index - 1;
    }

    /** The probability of {@code rank}. */
    public double probability(int rank) {
        return rank == 0 ? cumulative[0] : cumulative[rank] - cumulative[rank - 1];
    }

    public int count() {
        return cumulative.length;
    }
}
