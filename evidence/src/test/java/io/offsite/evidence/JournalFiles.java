package io.offsite.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test helpers that read and rewrite a framed chain journal as an attacker would (recomputing checksums). */
final class JournalFiles {
    private JournalFiles() {
    }

    static List<String> records(Path file) {
        List<String> out = new ArrayList<>();
        FileChainJournal.open(file).readAll().forEach(r -> out.add(new String(r, StandardCharsets.UTF_8)));
        return out;
    }

    static void write(Path file, List<String> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String r : records) {
            out.write(JournalFraming.frame(r.getBytes(StandardCharsets.UTF_8)));
        }
        Files.write(file, out.toByteArray());
    }

    /** Rewrites record {@code index} (0-based) with valid framing, as a tamperer who knows the format would. */
    static void edit(Path file, int index, UnaryOperator<String> change) throws IOException {
        List<String> records = records(file);
        records.set(index, change.apply(records.get(index)));
        write(file, records);
    }
}
