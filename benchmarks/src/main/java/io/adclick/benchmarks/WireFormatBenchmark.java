package io.adclick.benchmarks;

import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.wire.WireCodecs;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode + decode throughput of one raw event, JSON (the chosen wire format) against Avro binary.
 * Run: {@code java -cp benchmarks/target/benchmarks-0.1.0.jar:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main WireFormatBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WireFormatBenchmark {
    private List<RawEvent> events;
    private List<byte[]> json;
    private List<byte[]> avro;
    private AvroRawEventCodec avroCodec;
    private int next;

    @Setup
    public void setUp() {
        events = SampleEvents.generate(1024, 42);
        avroCodec = new AvroRawEventCodec();
        json = events.stream().map(WireCodecs.RAW_EVENT::encode).toList();
        avro = events.stream().map(avroCodec::encode).toList();
    }

    @Benchmark
    public RawEvent jsonEncodeDecode() {
        RawEvent event = events.get(next++ & 1023);
        return WireCodecs.RAW_EVENT.decode(WireCodecs.RAW_EVENT.encode(event));
    }

    @Benchmark
    public RawEvent avroEncodeDecode() {
        RawEvent event = events.get(next++ & 1023);
        return avroCodec.decode(avroCodec.encode(event));
    }

    @Benchmark
    public byte[] jsonEncode() {
        return WireCodecs.RAW_EVENT.encode(events.get(next++ & 1023));
    }

    @Benchmark
    public byte[] avroEncode() {
        return avroCodec.encode(events.get(next++ & 1023));
    }

    @Benchmark
    public RawEvent jsonDecode() {
        return WireCodecs.RAW_EVENT.decode(json.get(next++ & 1023));
    }

    @Benchmark
    public RawEvent avroDecode() {
        return avroCodec.decode(avro.get(next++ & 1023));
    }
}
