package dev.petrel.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.record.Record;
import dev.petrel.record.RecordEncoder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BTreeSmokeTest {
    @Test
    void insertDeleteSmallPages() throws Exception {
        TestSupport.Db db = new TestSupport.Db(512);
        int root = db.bt.createTree(true);
        db.bt.addSchemaEntry("table", "t", "t", root, "CREATE TABLE t(a,b,c)");
        BtCursor c = db.bt.openTable(root, true);
        TestSupport.Rng rng = new TestSupport.Rng(42);
        TreeMap<Long, Object[]> model = new TreeMap<>();
        for (int i = 0; i < 5000; i++) {
            long rowid = rng.nextInt(3000);
            Object[] row = {rowid * 3, "v" + i, rng.nextInt(10) == 0 ? rng.bytes(rng.nextInt(2000)) : null};
            c.insert(rowid, RecordEncoder.encode(row));
            model.put(rowid, row);
        }
        check(c, model);
        assertEquals("[ok]", db.bt.integrityCheck(100).toString());
        for (int i = 0; i < 4000; i++) {
            long rowid = rng.nextInt(3000);
            if (c.seekRowid(rowid) == 0) {
                c.delete();
                model.remove(rowid);
            }
        }
        check(c, model);
        assertEquals("[ok]", db.bt.integrityCheck(100).toString());
        c.close();
        byte[] image = db.commitAndSnapshot();
        Path p = TestSupport.writeTemp(image);
        try (Connection conn = TestSupport.sqlite(p)) {
            assertEquals("[ok]", TestSupport.sqliteIntegrity(conn).toString());
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                assertEquals(model.size(), rs.getLong(1));
            }
        }
    }

    private static void check(BtCursor c, TreeMap<Long, Object[]> model) {
        int n = 0;
        boolean ok = c.first();
        for (Map.Entry<Long, Object[]> e : model.entrySet()) {
            assertTrue(ok, "cursor ended early at " + e.getKey());
            assertEquals(e.getKey(), c.rowid());
            Object[] got = new Record(c.payload()).values();
            assertEquals(e.getValue()[1], got[1]);
            ok = c.next();
            n++;
        }
        assertFalse(ok);
        assertEquals(model.size(), n);
    }
}
