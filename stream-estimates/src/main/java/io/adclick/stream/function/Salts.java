package io.adclick.stream.function;

/**
 * The salt of an event for the hot-key split: a function of its {@code event_id} only, so a replay
 * after a restore puts every event in the same partial aggregate as before.
 */
final class Salts {
    private Salts() {}

    static int of(String eventId, int buckets) {
        // String.hashCode is fixed by the Java specification; the mix spreads ids that differ only at the end.
        int h = eventId.hashCode() * 0x9E3779B9;
        return Math.floorMod(h ^ (h >>> 16), buckets);
    }
}
