package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.store.jdbc.JdbcDocuments;
import io.offsite.store.jdbc.OffsiteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The episode-id key lives in the database: every server on it derives the same ids; an old key file is kept. */
class EpisodeIdKeyTest {
    @Test
    void twoServersOnOneDatabase_getTheSameKey_andAnOlderDataDirectorysKeyIsTakenOver() throws Exception {
        Path dir = Fixture.newDir();
        byte[] legacy = new byte[32];
        for (int i = 0; i < legacy.length; i++) {
            legacy[i] = (byte) (i * 7 + 1);
        }
        Files.createDirectories(dir.resolve("keys"));
        Files.write(dir.resolve("keys").resolve("episode-ids.key"), legacy);
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            assertThat(EpisodeIdKey.load(JdbcDocuments.create(db), dir)).isEqualTo(legacy);
            Path otherDir = Fixture.newDir(); // a second server with its own data directory, same database
            assertThat(EpisodeIdKey.load(JdbcDocuments.create(db), otherDir)).isEqualTo(legacy);
        }
    }

    @Test
    void newBureau_getsARandomKeyOnce_andAMangledDocumentIsNamed() throws Exception {
        Path dir = Fixture.newDir();
        try (OffsiteDatabase db = OffsiteDatabase.embedded(dir.resolve("db"), Clock.systemUTC())) {
            JdbcDocuments docs = JdbcDocuments.create(db);
            byte[] first = EpisodeIdKey.load(docs, dir);
            assertThat(first).hasSize(32);
            assertThat(EpisodeIdKey.load(docs, dir)).isEqualTo(first);
            docs.replace(EpisodeIdKey.DOCUMENT, 1, "c2hvcnQ=");
            assertThatThrownBy(() -> EpisodeIdKey.load(docs, dir)).hasMessageContaining("must hold 32 bytes");
        }
    }
}
