package io.adclick.infra.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestZipfCampaigns {
    private static final int SAMPLES = 200_000;

    @Test
    void theHotCampaignGetsItsShareOfDraws() {
        int[] counts = sample(ZipfCampaigns.standard(200));

        assertThat(counts[0] / (double) SAMPLES).isCloseTo(0.30, within(0.01));
    }

    @Test
    void theOtherCampaignsFollowZipfsLaw() {
        int[] counts = sample(ZipfCampaigns.standard(200));

        // Rank 2 (index 2) gets half of rank 1's draws, rank 10 a tenth.
        assertThat(counts[2] / (double) counts[1]).isCloseTo(0.5, within(0.05));
        assertThat(counts[10] / (double) counts[1]).isCloseTo(0.1, within(0.02));
        assertThat(counts[1]).isGreaterThan(counts[20]).isGreaterThan(0);
        assertThat(counts[199]).isGreaterThan(0);
    }

    @Test
    void probabilitiesSumToOne() {
        ZipfCampaigns zipf = new ZipfCampaigns(50, 0.3, 1.2);

        double total = IntStream.range(0, 50).mapToDouble(zipf::probability).sum();

        assertThat(total).isCloseTo(1.0, within(1e-9));
        assertThat(zipf.probability(0)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void drawsStayWithinTheCatalog() {
        ZipfCampaigns zipf = ZipfCampaigns.standard(3);
        SplittableRandom random = new SplittableRandom(1);

        assertThat(IntStream.range(0, 10_000).map(i -> zipf.sample(random))).allMatch(rank -> rank >= 0 && rank < 3);
    }

    @Test
    void rejectsAHotShareOutsideZeroToOne() {
        assertThatThrownBy(() -> new ZipfCampaigns(200, 1.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hot campaign share");
    }

    private static int[] sample(ZipfCampaigns zipf) {
        SplittableRandom random = new SplittableRandom(42);
        int[] counts = new int[zipf.count()];
        for (int i = 0; i < SAMPLES; i++) {
            counts[zipf.sample(random)]++;
        }
        return counts;
    }
}
