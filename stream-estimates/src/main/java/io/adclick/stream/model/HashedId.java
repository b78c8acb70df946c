package io.adclick.stream.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import org.apache.datasketches.hash.MurmurHash3;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * An id string ({@code event_id}, {@code impression_id}) as the 128-bit MurmurHash3 of its UTF-8
 * bytes: the key of the deduplication and first-click state, 16 bytes in a checkpoint instead of a
 * 36-character string written by Flink's {@code StringSerializer}.
 *
 * <p>Two different ids share a key only if their 128-bit hashes collide. Among {@code n} ids
 * remembered at once the chance of any collision is about {@code n² / 2^129}: below 10^-20 for a
 * billion ids in the 25-hour window, far below the chance of a hardware error, so deduplication
 * stays exact by id in practice. Serialized by {@link HashedIdSerializer}, never by Kryo.
 */
@TypeInfo(HashedIdTypeInfo.Factory.class)
public final class HashedId {
    /** Fixed: changing it changes every key, and a restored job would no longer find its state. */
    private static final long SEED = 0x6164636c69636bL;

    private final long high;
    private final long low;

    public HashedId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** The key of {@code id}. */
    public static HashedId of(String id) {
        long[] hash = MurmurHash3.hash(requireNonNull(id, "id is null").getBytes(UTF_8), SEED);
        return new HashedId(hash[0], hash[1]);
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof HashedId other && other.high == high && other.low == low;
    }

    /**
     * Flink assigns keys to key groups by this value, so it is part of the checkpoint layout: defined
     * here, not left to a default that may change between JVMs.
     */
    @Override
    public int hashCode() {
        return (int) (low ^ (low >>> 32));
    }

    @Override
    public String toString() {
        return "%016x%016x".formatted(high, low);
    }
}
