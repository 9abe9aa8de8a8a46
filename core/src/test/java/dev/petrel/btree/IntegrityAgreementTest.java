package dev.petrel.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Petrel's integrity check and SQLite's PRAGMA integrity_check judge the same mutated files: whenever SQLite says
 * "ok" Petrel must too, and Petrel may miss a problem only where SQLite's verdict rests on checks outside the
 * b-tree layer (index content versus table rows, schema SQL parsing, record contents).
 */
class IntegrityAgreementTest {
    @Test
    void verdictsAgreeWithSqlite() throws Exception {
        byte[] base = CorruptionTest.petrelImage(512, 0xC0FFEEL, 300, 3000);
        CorruptionTest.Layout layout = CorruptionTest.Layout.of(base);
        TestSupport.Rng rng = new TestSupport.Rng(77);
        int files = 300 * TestSupport.scale();
        int agree = 0;
        int outsideLayer = 0;
        List<String> falseAlarms = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (int n = 0; n < files; n++) {
            byte[] img = base.clone();
            String what = CorruptionTest.mutate(img, layout, rng);
            List<String> ours;
            try {
                ours = new TestSupport.Db(img).bt.integrityCheck(100);
            } catch (PetrelException e) {
                ours = List.of("error: " + e.code());
            }
            Path p = TestSupport.writeTemp(img);
            List<String> theirs;
            try (Connection c = TestSupport.sqlite(p)) {
                theirs = TestSupport.sqliteIntegrity(c);
            } catch (java.sql.SQLException e) {
                theirs = List.of("error: " + e.getMessage());
            }
            Files.delete(p);
            boolean weOk = ours.equals(List.of("ok"));
            boolean theyOk = theirs.equals(List.of("ok"));
            String t = theirs.toString();
            if (weOk == theyOk) {
                agree++;
            } else if (!theyOk && (t.contains("missing from index") || t.contains("wrong # of entries")
                    || t.contains("malformed database schema") || t.contains("unsupported file format") || t.contains("database disk image is malformed"))) {
                outsideLayer++;
            } else if (theyOk) {
                falseAlarms.add(what + " ours=" + ours);
            } else {
                missed.add(what + " sqlite=" + theirs);
            }
        }
        System.out.printf("IntegrityAgreementTest: %d files, %d same verdict, %d decided outside the b-tree layer%n",
                files, agree, outsideLayer);
        assertEquals(List.of(), falseAlarms, "Petrel reported problems in files SQLite accepts");
        assertEquals(List.of(), missed, "Petrel missed b-tree problems SQLite reported");
        assertTrue(agree > files * 9 / 10);
    }
}
