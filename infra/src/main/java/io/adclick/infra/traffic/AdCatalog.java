package io.adclick.infra.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic ad inventory: advertisers, their campaigns (ordered by popularity rank, the hot one
 * first), ads and publishers. The same seed gives the same catalog.
 */
public final class AdCatalog {
    /** Cheapest click: 0.05 currency units. */
    public static final long MIN_CPC_MICROS = 50_000;
    /** Dearest click: 2.50 currency units. */
    public static final long MAX_CPC_MICROS = 2_500_000;

    private final List<Campaign> campaigns;
    private final List<String> publishers;

    private AdCatalog(List<Campaign> campaigns, List<String> publishers) {
        this.campaigns = List.copyOf(campaigns);
        this.publishers = List.copyOf(publishers);
    }

    /** 200 campaigns across 20 advertisers, 3 ads each, 50 publishers. */
    public static AdCatalog standard(long seed) {
        return generate(20, 200, 3, 50, seed);
    }

    /** Campaign {@code i} belongs to advertiser {@code i mod advertisers}, so every advertiser gets some. */
    public static AdCatalog generate(
            int advertisers, int campaignCount, int adsPerCampaign, int publisherCount, long seed) {
        if (advertisers < 1 || campaignCount < advertisers || adsPerCampaign < 1 || publisherCount < 1) {
            throw new IllegalArgumentException(
                    "Invalid catalog: %d advertisers, %d campaigns, %d ads per campaign, %d publishers (need campaigns >= advertisers >= 1)"
                            .formatted(advertisers, campaignCount, adsPerCampaign, publisherCount));
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Campaign> campaigns = new ArrayList<>(campaignCount);
        for (int i = 0; i < campaignCount; i++) {
            String advertiser = "adv-%03d".formatted(i % advertisers + 1);
            String campaign = "cmp-%04d".formatted(i + 1);
            List<String> ads = new ArrayList<>(adsPerCampaign);
            for (int a = 1; a <= adsPerCampaign; a++) {
                ads.add("%s-ad-%d".formatted(campaign, a));
            }
            long cpc = random.nextLong(MIN_CPC_MICROS / 10_000, MAX_CPC_MICROS / 10_000 + 1) * 10_000;
            campaigns.add(new Campaign(
                    campaign, advertiser, ads, cpc, "https://landing.example/%s/%s".formatted(advertiser, campaign)));
        }
        List<String> publishers = new ArrayList<>(publisherCount);
        for (int p = 1; p <= publisherCount; p++) {
            publishers.add("pub-%03d".formatted(p));
        }
        return new AdCatalog(campaigns, publishers);
    }

    /**
     * This catalog with every advertiser, campaign, ad and publisher id prefixed by {@code
     * namespace} (e.g. {@code it-}), so that the traffic of one test is told apart from another's
     * in a shared stack.
     */
    public AdCatalog withNamespace(String namespace) {
        java.util.Objects.requireNonNull(namespace, "namespace is null");
        List<Campaign> renamed = campaigns.stream()
                .map(c -> new Campaign(
                        namespace + c.id(),
                        namespace + c.advertiserId(),
                        c.adIds().stream().map(ad -> namespace + ad).toList(),
                        c.cpcMicros(),
                        c.landingUrl()))
                .toList();
        return new AdCatalog(
                renamed, publishers.stream().map(p -> namespace + p).toList());
    }

    /** Campaigns by popularity rank: index 0 is the hot one. */
    public List<Campaign> campaigns() {
        return campaigns;
    }

    public List<String> publishers() {
        return publishers;
    }

    public long advertiserCount() {
        return campaigns.stream().map(Campaign::advertiserId).distinct().count();
    }
}
