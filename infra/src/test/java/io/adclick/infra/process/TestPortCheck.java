package io.adclick.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TestPortCheck {
    @Test
    void freePortsAreDistinctFreeAndBelowTheEphemeralRange() {
        var ports = PortCheck.freePorts(200);
        Set<Integer> seen = new HashSet<>();
        IntStream.range(0, 200)
                .forEach(i -> assertThat(seen.add(ports.nextInt())).isTrue());
        assertThat(ports.hasNext()).isFalse();
        assertThat(seen).allMatch(PortCheck::isFree).allMatch(port -> port >= 20_000 && port < 32_768);
    }
}
