package io.offsite.benchmarks.devices;

import io.offsite.devices.jt808.AdditionalItem;
import io.offsite.devices.jt808.Jt808Codec;
import io.offsite.devices.jt808.Jt808Header;
import io.offsite.devices.jt808.Jt808Message;
import io.offsite.devices.jt808.Jt808Version;
import io.offsite.devices.jt808.Location;
import io.offsite.devices.jt808.LocationReport;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JT/T 808 decoding of 0x0200 location reports on one thread: 1,024 pre-encoded frames of 423 Huangyan muck trucks
 * (terminal phones 0133057600xx, 2013 and 2019 editions, positions around 121.26E 28.64N, 2026 times in UTC+8),
 * each with 2..5 additional items (mileage, fuel, speed from the tachograph, signal, satellites); about a fifth
 * need unescaping. Each operation decodes one frame and adds its latitude to the sum returned, so the whole path
 * (flags, unescape, check code, header, BCD phone and time, items, records) is measured. Target: ≥ 1 M frames/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Jt808DecodeBenchmark {
    private static final int N = 1024;

    private Jt808Codec codec;
    private byte[][] frames;

    @Setup
    public void setUp() {
        codec = Jt808Codec.create();
        SplittableRandom rnd = new SplittableRandom(331003);
        Instant start = Instant.parse("2026-03-16T00:00:00Z");
        frames = new byte[N][];
        int escaped = 0;
        for (int i = 0; i < N; i++) {
            int truck = 1 + rnd.nextInt(423);
            Jt808Version v = rnd.nextInt(3) == 0 ? Jt808Version.V2019 : Jt808Version.V2013;
            double lat = 28.60 + rnd.nextInt(80_000) / 1e6;
            double lon = 121.22 + rnd.nextInt(80_000) / 1e6;
            if (rnd.nextInt(8) == 0) {  // a latitude whose low byte is 0x7E: escaped on the wire
                lat = ((Math.round(lat * 1e6) & ~0xFFL) | 0x7E) / 1e6;
            }
            List<AdditionalItem> items = new ArrayList<>();
            items.add(new AdditionalItem(0x01, ByteBuffer.allocate(4).putInt(100_000 + rnd.nextInt(900_000)).array()));
            items.add(new AdditionalItem(0x30, new byte[] {(byte) (10 + rnd.nextInt(22))}));
            if (rnd.nextBoolean()) {
                items.add(new AdditionalItem(0x31, new byte[] {(byte) (4 + rnd.nextInt(16))}));
            }
            if (rnd.nextBoolean()) {
                items.add(new AdditionalItem(0x02, ByteBuffer.allocate(2).putShort((short) rnd.nextInt(4000)).array()));
                items.add(new AdditionalItem(0x03, ByteBuffer.allocate(2).putShort((short) rnd.nextInt(600)).array()));
            }
            Location l = new Location(rnd.nextInt(20) == 0 ? 2 : 0, 0b11, lat, lon, 5 + rnd.nextInt(40),
                    rnd.nextInt(600) / 10.0, rnd.nextInt(360), start.plusSeconds(rnd.nextInt(86_400)), items);
            String phone = String.format("0133057%05d", truck);
            Jt808Header h = Jt808Header.of(0x0200, v, phone, rnd.nextInt(0x10000));
            frames[i] = codec.encode(new LocationReport(h, l));
            for (int k = 1; k < frames[i].length - 1; k++) {
                if (frames[i][k] == 0x7D) {
                    escaped++;
                    break;
                }
            }
        }
        if (escaped < N / 10) {
            throw new IllegalStateException("only " + escaped + " of " + N + " frames need unescaping");
        }
    }

    /** Decodes all 1,024 frames, returning the sum of their latitudes (checked non-zero so nothing is skipped). */
    @Benchmark
    @OperationsPerInvocation(N)
    public double decodeLocationReports() {
        double sum = 0;
        for (byte[] f : frames) {
            Jt808Message m = codec.decode(f, 0, f.length);
            sum += ((LocationReport) m).location().latitude();
        }
        if (!(sum > 28 * N)) {
            throw new IllegalStateException("latitudes sum " + sum);
        }
        return sum;
    }
}
