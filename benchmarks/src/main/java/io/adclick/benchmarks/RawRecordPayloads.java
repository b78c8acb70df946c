package io.adclick.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.wire.WireCodecs;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the {@code events.raw} values the edge produces for realistic events, one per line, as a
 * {@code --payload-file} for Kafka's {@code ProducerPerformance}: the raw producer ceiling is then
 * measured with the edge's own record sizes and compressibility.
 *
 * <p>Usage: {@code RawRecordPayloads FILE COUNT SEED}; prints the mean record size in bytes.
 */
public final class RawRecordPayloads {
    private RawRecordPayloads() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: RawRecordPayloads FILE COUNT SEED");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        List<RawEvent> events = SampleEvents.generate(count, seed, Instant.now());
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, UTF_8)) {
            for (RawEvent event : events) {
                String value = new String(WireCodecs.RAW_EVENT.encode(event), UTF_8);
                if (value.indexOf('\n') >= 0) {
                    throw new IllegalStateException("A raw record holds a line break: " + value);
                }
                out.write(value);
                out.write('\n');
                bytes += value.getBytes(UTF_8).length;
            }
        }
        System.out.println(bytes / count);
    }
}
