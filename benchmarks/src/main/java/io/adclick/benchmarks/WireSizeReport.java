package io.adclick.benchmarks;

import com.github.luben.zstd.Zstd;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.wire.WireCodecs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * Bytes per raw event on the wire, plain and as Kafka would compress a batch of 1,000 (lz4, zstd),
 * for JSON and Avro. Prints a Markdown table.
 */
public final class WireSizeReport {
    private static final int BATCH = 1_000;

    private WireSizeReport() {}

    public static void main(String[] args) throws IOException {
        List<RawEvent> events = SampleEvents.generate(10 * BATCH, 7);
        AvroRawEventCodec avro = new AvroRawEventCodec();
        System.out.println("| format | bytes/event | lz4 batch bytes/event | zstd batch bytes/event |");
        System.out.println("|---|---:|---:|---:|");
        row("JSON (Jackson)", events, WireCodecs.RAW_EVENT::encode);
        row("Avro binary", events, avro::encode);
    }

    private static void row(String name, List<RawEvent> events, Function<RawEvent, byte[]> encoder) throws IOException {
        long plain = 0;
        long lz4 = 0;
        long zstd = 0;
        for (int start = 0; start < events.size(); start += BATCH) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (RawEvent event : events.subList(start, start + BATCH)) {
                byte[] bytes = encoder.apply(event);
                plain += bytes.length;
                batch.write(bytes);
            }
            byte[] raw = batch.toByteArray();
            ByteArrayOutputStream lz4Out = new ByteArrayOutputStream();
            try (LZ4FrameOutputStream out = new LZ4FrameOutputStream(lz4Out)) {
                out.write(raw);
            }
            lz4 += lz4Out.size();
            zstd += Zstd.compress(raw, 3).length;
        }
        double n = events.size();
        System.out.printf("| %s | %.0f | %.0f | %.0f |%n", name, plain / n, lz4 / n, zstd / n);
    }
}
