package io.adclick.stream.model;

import java.util.Base64;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Union;
import org.apache.datasketches.theta.UpdateSketch;

/** The Theta sketches of unique users: creation, merging and the wire form. */
public final class UniqueUsers {
    private UniqueUsers() {}

    /** An empty sketch of {@code 2^lgNominalEntries} nominal entries. */
    public static UpdateSketch newSketch(int lgNominalEntries) {
        return UpdateSketch.builder().setNominalEntries(1 << lgNominalEntries).build();
    }

    /** Serialized compact form of {@code sketch}, for sending between operators and on the wire. */
    public static byte[] compact(UpdateSketch sketch) {
        return sketch.compact().toByteArray();
    }

    /** The union of serialized compact sketches. */
    public static CompactSketch union(Iterable<byte[]> compactSketches, int lgNominalEntries) {
        Union union =
                SetOperation.builder().setNominalEntries(1 << lgNominalEntries).buildUnion();
        for (byte[] sketch : compactSketches) {
            union.union(wrap(sketch));
        }
        return union.getResult();
    }

    /** The compact sketch serialized in {@code compactSketch}, read in place. */
    public static CompactSketch wrap(byte[] compactSketch) {
        return CompactSketch.wrap(Memory.wrap(compactSketch));
    }

    /** The wire form of {@code sketch}: its serialized bytes in base64. */
    public static String base64(CompactSketch sketch) {
        return Base64.getEncoder().encodeToString(sketch.toByteArray());
    }

    /** The estimated number of users in {@code sketch}, rounded. */
    public static long estimate(CompactSketch sketch) {
        return Math.round(sketch.getEstimate());
    }
}
