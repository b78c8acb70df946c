package io.adclick.stream.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestHashedId {
    /** MurmurHash3 x64 128 of the UTF-8 bytes of "e-1" with the key seed. */
    private static final String PINNED_E1 = "6a5541a391f4b7b4ca386a1ed7830a0e";

    @Test
    void theSameIdAlwaysHasTheSameKey() {
        assertThat(HashedId.of("7f1c2e9a-0b3d-4c5e-8f6a-1b2c3d4e5f60"))
                .isEqualTo(HashedId.of("7f1c2e9a-0b3d-4c5e-8f6a-1b2c3d4e5f60"))
                .hasSameHashCodeAs(HashedId.of("7f1c2e9a-0b3d-4c5e-8f6a-1b2c3d4e5f60"));
    }

    @Test
    void idsThatDifferInOneCharacterHaveDifferentKeys() {
        HashedId a = HashedId.of("7f1c2e9a-0b3d-4c5e-8f6a-1b2c3d4e5f60");
        HashedId b = HashedId.of("7f1c2e9a-0b3d-4c5e-8f6a-1b2c3d4e5f61");

        assertThat(a).isNotEqualTo(b);
        assertThat(a.high()).isNotEqualTo(b.high());
        assertThat(a.low()).isNotEqualTo(b.low());
    }

    /** Keys and their key groups are in checkpoints: a change of hash, seed or encoding must fail here. */
    @Test
    void theHashIsPinnedBecauseCheckpointsHoldIt() {
        HashedId key = HashedId.of("e-1");

        assertThat(key.toString()).isEqualTo(PINNED_E1);
        assertThat(key.hashCode()).isEqualTo((int) (key.low() ^ (key.low() >>> 32)));
    }

    @Test
    void nonAsciiIdsAreHashedAsUtf8() {
        assertThat(HashedId.of("é")).isNotEqualTo(HashedId.of("\u00c3\u00a9"));
    }
}
