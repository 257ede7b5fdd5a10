package io.offsite.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.evidence.BundleVerifier;
import io.offsite.evidence.CustodyAction;
import io.offsite.evidence.EvidenceChain;
import io.offsite.evidence.EvidenceItem;
import io.offsite.evidence.FileSystemBlobStore;
import io.offsite.evidence.SignedTreeHead;
import io.offsite.evidence.spi.ChainJournal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Evidence chains on the database journal: restart, listing, and two processes writing one case. */
class JdbcChainJournalsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void chain_restartedOnTheSameDatabase_hasTheSameItemsLogRootsAndHeads_andContinues(Dialect dialect) {
        ChainFixtures f = new ChainFixtures(FileSystemBlobStore.open(dir.resolve("blobs")));
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir)) {
            EvidenceChain first;
            try (OffsiteDatabase db = TestDatabases.open(ds, Clock.systemUTC())) {
                first = f.chain(db, "case-1");
                first.add(ChainFixtures.still(0), ChainFixtures.bytes("still one"), "platform");
                first.add(ChainFixtures.still(11), ChainFixtures.bytes("still two"), "platform");
                first.recordView("item-0001", "officer-7");
                first.seal("officer-7");
                f.chain(db, "case-2").add(ChainFixtures.still(3), ChainFixtures.bytes("other"), "platform");
            }
            try (HikariDataSource again = TestDatabases.sameAs(ds);
                    OffsiteDatabase db = TestDatabases.open(again, Clock.systemUTC())) {
                EvidenceChain second = f.chain(db, "case-1");
                assertThat(second.items()).isEqualTo(first.items());
                assertThat(second.custodyLog().entries()).isEqualTo(first.custodyLog().entries());
                assertThat(second.custodyLog().root()).isEqualTo(first.custodyLog().root());
                assertThat(second.heads()).extracting(SignedTreeHead::rootHash)
                        .containsExactlyElementsOf(first.heads().stream().map(SignedTreeHead::rootHash).toList());
                assertThat(second.isSealed()).isTrue();
                second.recordShare("item-0002", "officer-7", "court");
                Path bundle = dir.resolve("case-1.zip");
                second.exportBundle(bundle, "officer-7");
                assertThat(BundleVerifier.create().verify(bundle).problems()).isEmpty();
                assertThat(JdbcChainJournals.create(db).caseIds()).containsExactly("case-1", "case-2");
                assertThat(f.chain(db, "case-1").custodyLog().size()).isEqualTo(second.custodyLog().size());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void appendOnTopOfRecordsNotRead_failsClearly_andSucceedsAfterReadingThem(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); HikariDataSource other = TestDatabases.sameAs(ds);
                OffsiteDatabase db1 = TestDatabases.open(ds, Clock.systemUTC());
                OffsiteDatabase db2 = TestDatabases.open(other, Clock.systemUTC())) {
            ChainJournal j1 = JdbcChainJournals.create(db1).journal("case-c");
            ChainJournal j2 = JdbcChainJournals.create(db2).journal("case-c");
            assertThat(j1.readAll()).isEmpty();
            assertThat(j2.readAll()).isEmpty();
            j1.append(record("first"));
            assertThatThrownBy(() -> j2.append(record("second")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot append record 1 to the chain journal of case case-c")
                    .hasMessageContaining("another writer appended record 1 first")
                    .hasMessageContaining("not forked");
            assertThat(j2.readAll()).extracting(JdbcChainJournalsTest::text).containsExactly("{\"r\":\"first\"}");
            j2.append(record("second"));
            assertThat(JdbcChainJournals.create(db1).journal("case-c").readAll()).extracting(JdbcChainJournalsTest::text)
                    .containsExactly("{\"r\":\"first\"}", "{\"r\":\"second\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void appendAllOnTopOfRecordsNotRead_writesNoneOfTheBatch_andAfterReadingWritesItLinked(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); HikariDataSource other = TestDatabases.sameAs(ds);
                OffsiteDatabase db1 = TestDatabases.open(ds, Clock.systemUTC());
                OffsiteDatabase db2 = TestDatabases.open(other, Clock.systemUTC())) {
            ChainJournal j1 = JdbcChainJournals.create(db1).journal("case-b");
            ChainJournal j2 = JdbcChainJournals.create(db2).journal("case-b");
            assertThat(j2.readAll()).isEmpty();
            j1.appendAll(List.of(record("first")));
            assertThatThrownBy(() -> j2.appendAll(List.of(record("a"), record("b"), record("c"))))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot append records 1..3 to the chain journal of case case-b")
                    .hasMessageContaining("nothing was written");
            assertThat(j2.readAll()).extracting(JdbcChainJournalsTest::text).containsExactly("{\"r\":\"first\"}");
            j2.appendAll(List.of(record("a"), record("b"), record("c")));
            j2.appendAll(List.of());
            j2.append(record("d"));
            assertThat(JdbcChainJournals.create(db1).journal("case-b").readAll()).extracting(JdbcChainJournalsTest::text)
                    .containsExactly("{\"r\":\"first\"}", "{\"r\":\"a\"}", "{\"r\":\"b\"}", "{\"r\":\"c\"}",
                            "{\"r\":\"d\"}");
            assertThatThrownBy(() -> j2.appendAll(List.of(record("e"), "two\nlines".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(StoreException.class);
            assertThat(j1.readAll()).as("a batch with a bad record writes none of it").hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void viewsRecordedInBatches_areInTheChainRebuiltFromTheDatabase(Dialect dialect) {
        ChainFixtures f = new ChainFixtures(FileSystemBlobStore.open(dir.resolve("blobs")));
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds,
                Clock.systemUTC())) {
            EvidenceChain chain = f.chain(db, "case-v");
            EvidenceItem a = chain.add(ChainFixtures.still(1), ChainFixtures.bytes("a"), "platform");
            EvidenceItem b = chain.add(ChainFixtures.still(2), ChainFixtures.bytes("b"), "platform");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 700; i++) {
                ids.add(i % 3 == 0 ? b.id() : a.id());
            }
            assertThat(chain.recordViews(ids, "officer-7")).hasSize(700);
            chain.recordView(a.id(), "officer-7");
            chain.recordViews(ids.subList(0, 10), "officer-8");
            EvidenceChain rebuilt = f.chain(db, "case-v");
            assertThat(rebuilt.custodyLog().size()).isEqualTo(2 + 700 + 1 + 10);
            assertThat(rebuilt.custodyLog().entries()).isEqualTo(chain.custodyLog().entries());
            assertThat(rebuilt.custodyLog().root()).isEqualTo(chain.custodyLog().root());
            assertThat(rebuilt.custodyLog().entries().subList(2, 702)).allSatisfy(e ->
                    assertThat(e.action()).isEqualTo(CustodyAction.VIEWED));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoProcesses_addingToOneChainAtOnce_oneFailsClearly_andTheJournalIsNotForked(Dialect dialect) throws Exception {
        ChainFixtures f = new ChainFixtures(FileSystemBlobStore.open(dir.resolve("blobs")));
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); HikariDataSource other = TestDatabases.sameAs(ds);
                OffsiteDatabase db1 = TestDatabases.open(ds, Clock.systemUTC());
                OffsiteDatabase db2 = TestDatabases.open(other, Clock.systemUTC())) {
            EvidenceChain a = f.chain(db1, "case-x");
            EvidenceChain b = f.chain(db2, "case-x");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<EvidenceItem>> adds = new ArrayList<>();
                for (EvidenceChain chain : List.of(a, b)) {
                    Callable<EvidenceItem> add = () -> {
                        go.await();
                        return chain.add(ChainFixtures.still(1), ChainFixtures.bytes("from " + chain.hashCode()), "p");
                    };
                    adds.add(pool.submit(add));
                }
                go.countDown();
                int ok = 0;
                List<Throwable> failures = new ArrayList<>();
                for (Future<EvidenceItem> add : adds) {
                    try {
                        add.get();
                        ok++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.add(e.getCause());
                    }
                }
                assertThat(ok).isEqualTo(1);
                assertThat(failures).singleElement().isInstanceOf(StoreException.class).extracting(Throwable::getMessage)
                        .asString().contains("another writer appended record 2 first");
            } finally {
                pool.shutdownNow();
            }
            EvidenceChain reopened = f.chain(db2, "case-x");
            assertThat(reopened.items()).hasSize(1);
            assertThat(reopened.custodyLog().entries()).extracting(e -> e.action()).containsExactly(CustodyAction.ADDED);
            reopened.add(ChainFixtures.still(2), ChainFixtures.bytes("after reopening"), "p");
            assertThat(f.chain(db1, "case-x").items()).extracting(EvidenceItem::id).containsExactly("item-0001", "item-0002");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void manyAppendsFromTwoProcesses_retryingAfterReread_storeEveryRecordOnceInOneChain(Dialect dialect) throws Exception {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); HikariDataSource other = TestDatabases.sameAs(ds);
                OffsiteDatabase db1 = TestDatabases.open(ds, Clock.systemUTC());
                OffsiteDatabase db2 = TestDatabases.open(other, Clock.systemUTC())) {
            List<ChainJournal> journals = List.of(JdbcChainJournals.create(db1).journal("case-m"),
                    JdbcChainJournals.create(db2).journal("case-m"));
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> writers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    ChainJournal j = journals.get(w);
                    String who = "w" + w;
                    writers.add(pool.submit(() -> {
                        go.await();
                        int conflicts = 0;
                        for (int i = 0; i < 15; i++) {
                            while (true) {
                                try {
                                    j.append(record(who + "-" + i));
                                    break;
                                } catch (StoreException e) {
                                    assertThat(e).hasMessageContaining("another writer appended record");
                                    conflicts++;
                                    j.readAll(); // what a chain does when it is reopened
                                }
                            }
                        }
                        return conflicts;
                    }));
                }
                go.countDown();
                for (Future<Integer> w : writers) {
                    w.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<String> all = JdbcChainJournals.create(db1).journal("case-m").readAll().stream()
                    .map(JdbcChainJournalsTest::text).toList();
            assertThat(all).hasSize(30).doesNotHaveDuplicates();
            for (String who : List.of("w0", "w1")) {
                List<String> mine = all.stream().filter(r -> r.contains(who + "-")).toList();
                assertThat(mine).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 15)
                        .mapToObj(i -> "{\"r\":\"" + who + "-" + i + "\"}").toList());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void badRecordsAndCaseIds_areRefusedBeforeAnythingIsWritten(Dialect dialect) {
        try (HikariDataSource ds = TestDatabases.fresh(dialect, dir); OffsiteDatabase db = TestDatabases.open(ds,
                Clock.systemUTC())) {
            JdbcChainJournals journals = JdbcChainJournals.create(db);
            ChainJournal j = journals.journal("case-b");
            assertThatThrownBy(() -> j.append("two\nlines".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("single lines");
            assertThatThrownBy(() -> j.append(new byte[] {'{', (byte) 0xC3, '}'}))
                    .isInstanceOf(StoreException.class).hasMessageContaining("not valid UTF-8");
            assertThatThrownBy(() -> journals.journal(" ")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("case id");
            assertThatThrownBy(() -> journals.journal("c".repeat(65))).hasMessageContaining("1-64 characters");
            assertThat(j.readAll()).isEmpty();
            assertThat(journals.caseIds()).isEmpty();
            j.append("{\"city\":\"黄岩\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(journals.journal("case-b").readAll()).extracting(JdbcChainJournalsTest::text)
                    .containsExactly("{\"city\":\"黄岩\"}");
        }
    }

    static byte[] record(String s) {
        return ("{\"r\":\"" + s + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] record) {
        return new String(record, StandardCharsets.UTF_8);
    }
}
