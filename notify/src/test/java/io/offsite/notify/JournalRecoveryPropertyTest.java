package io.offsite.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A journal is written by a series of saves; every save but the last returned (its records are acknowledged
 * as durable), the last was in flight when the machine died. The file is then damaged the way crashes and
 * disks damage files: the in-flight append torn at any byte, zeros where its data never reached the disk,
 * stale garbage after it, a bit flipped anywhere in acknowledged data, garbage spliced in between records.
 * Opening must then either recover with every acknowledged state intact (the in-flight save may count or
 * not), or refuse with an offset and leave the file byte for byte as it was. A torn write alone (prefix, or
 * prefix + zeros) must always recover.
 */
class JournalRecoveryPropertyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    private enum Damage { TORN, TORN_THEN_ZEROS, TORN_THEN_GARBAGE, FLIPPED_ACKNOWLEDGED_BIT, SPLICED_GARBAGE }

    private enum Outcome { CLEAN, CUT, REFUSED }

    @Test
    void anyTearOrDamage_neverLosesAnAcknowledgedRecord_andRefusalLeavesTheFileUntouched() throws IOException {
        Path dir = Files.createTempDirectory("journal-prop");
        Map<Damage, Map<Outcome, Integer>> seen = new EnumMap<>(Damage.class);
        int[] n = {0};
        qt().withExamples(400).forAll(integers().between(2, 12), integers().between(0, Damage.values().length - 1),
                longs().all()).checkAssert((saves, damage, seed) -> {
                    Path file = dir.resolve("j-" + n[0]++);
                    Outcome o = run(file, saves, Damage.values()[damage], new SplittableRandom(seed));
                    seen.computeIfAbsent(Damage.values()[damage], d -> new EnumMap<>(Outcome.class))
                            .merge(o, 1, Integer::sum);
                });
        // the generator reaches the interesting cases: torn writes are cut, damage to acknowledged data refused
        assertThat(seen.get(Damage.TORN)).containsKey(Outcome.CUT).doesNotContainKey(Outcome.REFUSED);
        assertThat(seen.get(Damage.TORN_THEN_ZEROS)).containsKey(Outcome.CUT).doesNotContainKey(Outcome.REFUSED);
        assertThat(seen.get(Damage.TORN_THEN_GARBAGE)).containsKey(Outcome.REFUSED);
        assertThat(seen.get(Damage.FLIPPED_ACKNOWLEDGED_BIT)).containsOnlyKeys(Outcome.REFUSED);
        assertThat(seen.get(Damage.SPLICED_GARBAGE)).containsOnlyKeys(Outcome.REFUSED);
    }

    private static Outcome run(Path file, int saves, Damage damage, SplittableRandom rnd) {
        Map<String, OutboxMessage> acknowledged = new LinkedHashMap<>();
        Map<String, OutboxMessage> inFlight = new HashMap<>();
        List<Long> recordEnds = new ArrayList<>();
        long ackEnd;
        try (FileJournalStore store = FileJournalStore.open(file, false)) {
            for (int s = 0; s < saves; s++) {
                Map<String, OutboxMessage> batch = new LinkedHashMap<>();
                for (int i = 0, size = 1 + rnd.nextInt(3); i < size; i++) {
                    OutboxMessage m = message(rnd, "k" + rnd.nextInt(6));
                    batch.put(m.key(), m);
                }
                if (s == saves - 1) {
                    inFlight.putAll(batch);
                } else if (rnd.nextInt(5) == 0 && !acknowledged.isEmpty()) {
                    String gone = acknowledged.keySet().iterator().next();
                    store.remove(List.of(gone));
                    acknowledged.remove(gone);
                    recordEnds.add(size(file));
                    continue;
                } else {
                    acknowledged.putAll(batch);
                }
                store.save(batch.values());
                recordEnds.add(size(file));
            }
            ackEnd = recordEnds.get(recordEnds.size() - 2);
        }
        byte[] whole = read(file);
        byte[] damaged = damage(whole, ackEnd, damage, rnd);
        write(file, damaged);
        FileJournalStore store;
        try {
            store = FileJournalStore.open(file);
        } catch (OutboxStoreException e) {
            assertThat(e.getMessage()).contains("at offset ");
            assertThat(read(file)).as("a refused journal is left untouched").isEqualTo(damaged);
            return Outcome.REFUSED;
        }
        try (store) {
            Map<String, OutboxMessage> loaded = new HashMap<>();
            store.loadAll().forEach(m -> loaded.put(m.key(), m));
            for (OutboxMessage m : acknowledged.values()) {
                OutboxMessage got = loaded.get(m.key());
                if (!m.equals(got) && !(inFlight.containsKey(m.key()) && inFlight.get(m.key()).equals(got))) {
                    fail("acknowledged state of " + m.key() + " lost after " + damage + ": " + got);
                }
            }
            for (OutboxMessage got : loaded.values()) {
                assertThat(got).isIn(acknowledged.get(got.key()), inFlight.get(got.key()));
            }
            return store.recoveredTornBytes() > 0 ? Outcome.CUT : Outcome.CLEAN;
        }
    }

    private static byte[] damage(byte[] whole, long ackEnd, Damage damage, SplittableRandom rnd) {
        int ack = (int) ackEnd;
        int cut = ack + rnd.nextInt(whole.length - ack); // the in-flight append never completes
        switch (damage) {
            case TORN:
                return Arrays.copyOf(whole, cut);
            case TORN_THEN_ZEROS:
                return Arrays.copyOf(Arrays.copyOf(whole, cut), cut + 1 + rnd.nextInt(5_000));
            case TORN_THEN_GARBAGE: {
                byte[] out = Arrays.copyOf(whole, cut + 1 + rnd.nextInt(200));
                for (int i = cut; i < out.length; i++) {
                    out[i] = (byte) (1 + rnd.nextInt(255));
                }
                return out;
            }
            case FLIPPED_ACKNOWLEDGED_BIT: {
                byte[] out = Arrays.copyOf(whole, rnd.nextBoolean() ? whole.length : cut);
                int at = rnd.nextInt(ack);
                out[at] ^= (byte) (1 << rnd.nextInt(8));
                return out;
            }
            default: {
                int at = 8 + rnd.nextInt(ack - 8);
                byte[] garbage = new byte[1 + rnd.nextInt(40)];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = (byte) (1 + rnd.nextInt(255));
                }
                byte[] out = new byte[whole.length + garbage.length];
                System.arraycopy(whole, 0, out, 0, at);
                System.arraycopy(garbage, 0, out, at, garbage.length);
                System.arraycopy(whole, at, out, at + garbage.length, whole.length - at);
                return out;
            }
        }
    }

    private static OutboxMessage message(SplittableRandom rnd, String key) {
        String text = "请驶离".repeat(1 + rnd.nextInt(60)) + "\0 ".repeat(rnd.nextInt(40)); // zero bytes inside payloads too
        OutboxMessage m = OutboxMessage.enqueued(new OutgoingMessage(key, Channel.SMS, "13812345678", text),
                T0.plusSeconds(rnd.nextInt(1000)));
        switch (rnd.nextInt(4)) {
            case 0:
                return m;
            case 1:
                return m.attempted(T0).pending(T0.plusSeconds(60), Optional.of("HTTP 502"));
            case 2:
                return m.attempted(T0).sent(T0, T0.plusSeconds(900), Optional.of("p-" + rnd.nextInt(100)));
            default:
                return m.attempted(T0).deadLettered(T0, "rejected");
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, byte[] b) {
        try {
            Files.write(p, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
