package dev.petrel.btree;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.record.Collation;
import dev.petrel.record.KeyInfo;
import dev.petrel.record.Record;
import dev.petrel.record.ValueOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every b-tree of the sample databases read through Petrel's cursors and compared with what SQLite returns: every
 * table row (type and value), every index entry (count, key order with the index's collations and directions,
 * and consistency with its table row), plus Petrel's integrity check.
 */
class SampleDbReadTest {
    @Test
    void chinook() throws Exception {
        check(TestSupport.chinook());
    }

    @Test
    void northwind() throws Exception {
        check(TestSupport.northwind());
    }

    private void check(Path file) throws Exception {
        TestSupport.Db db = new TestSupport.Db(Files.readAllBytes(file));
        int tables = 0;
        int indexes = 0;
        long rowsChecked = 0;
        long entriesChecked = 0;
        Map<String, Map<Long, Object[]>> tableRows = new HashMap<>();
        Map<Integer, KeyInfo> keyInfos = new HashMap<>();
        try (Connection c = TestSupport.sqlite(file); Statement st = c.createStatement()) {
            List<SchemaEntry> schema = db.bt.readSchema();
            assertFalse(schema.isEmpty());
            for (SchemaEntry e : schema) {
                if (!e.type().equals("table") || e.rootpage() <= 0) {
                    continue;
                }
                assertFalse(e.sql().toUpperCase(Locale.ROOT).contains("WITHOUT ROWID"), "not covered: " + e.name());
                tables++;
                Map<Long, Object[]> rows = readTable(db.bt, st, e);
                tableRows.put(e.name(), rows);
                rowsChecked += rows.size();
            }
            for (SchemaEntry e : schema) {
                if (!e.type().equals("index") || e.rootpage() <= 0) {
                    continue;
                }
                indexes++;
                KeyInfo ki = keyInfoOf(st, e.name());
                keyInfos.put((int) e.rootpage(), ki);
                entriesChecked += checkIndex(db.bt, st, e, ki, tableRows.get(e.tblName()));
            }
        }
        IntegrityCheck check = new IntegrityCheck(db.bt, 50);
        keyInfos.forEach(check::withKeyInfo);
        assertEquals(List.of("ok"), check.run());
        System.out.printf("SampleDbReadTest %s: %d tables, %d rows, %d indexes, %d index entries%n",
                file.getFileName(), tables, rowsChecked, indexes, entriesChecked);
        assertTrue(tables > 5 && rowsChecked > 1000 && indexes > 5);
    }

    private Map<Long, Object[]> readTable(BTree bt, Statement st, SchemaEntry e) throws Exception {
        List<String> types = new ArrayList<>();
        int ipk = -1;
        int pkCount = 0;
        try (ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + e.name() + "\")")) {
            while (rs.next()) {
                types.add(rs.getString("type").toUpperCase(Locale.ROOT));
                if (rs.getInt("pk") > 0) {
                    pkCount++;
                    if (rs.getString("type").equalsIgnoreCase("INTEGER")) {
                        ipk = types.size() - 1;
                    }
                }
            }
        }
        if (pkCount != 1) {
            ipk = -1;
        }
        Map<Long, Object[]> rows = new HashMap<>();
        BtCursor cur = bt.openTable((int) e.rootpage(), false);
        try (ResultSet rs = st.executeQuery("SELECT rowid, * FROM \"" + e.name() + "\" ORDER BY rowid")) {
            boolean ok = cur.first();
            while (rs.next()) {
                assertTrue(ok, e.name() + ": Petrel has fewer rows");
                assertEquals(rs.getLong(1), cur.rowid(), e.name());
                Record rec = cur.record();
                Object[] row = new Object[types.size()];
                for (int k = 0; k < types.size(); k++) {
                    Object v = rec.column(k);
                    if (k == ipk && v == null) {
                        v = cur.rowid();
                    }
                    row[k] = v;
                    Object want = TestSupport.sqliteValue(rs, k + 2);
                    if (v instanceof Long && want instanceof Double && isReal(types.get(k))) {
                        v = ((Long) v).doubleValue();
                    }
                    assertSameValue(want, v, e.name() + " rowid " + cur.rowid() + " column " + k);
                }
                rows.put(cur.rowid(), row);
                ok = cur.next();
            }
            assertFalse(ok, e.name() + ": Petrel has more rows");
            assertEquals(rows.size(), cur.count(), e.name() + ": count()");
        } finally {
            cur.close();
        }
        return rows;
    }

    private static boolean isReal(String type) {
        return type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB");
    }

    static void assertSameValue(Object want, Object got, String where) {
        assertEquals(ValueOrder.classRank(want), ValueOrder.classRank(got), where + ": storage class");
        assertEquals(0, ValueOrder.compare(want, got, Collation.BINARY), where + ": " + want + " vs " + got);
        if (want != null) {
            assertEquals(want instanceof Double, got instanceof Double, where + ": INTEGER vs REAL");
        }
    }

    private KeyInfo keyInfoOf(Statement st, String index) throws Exception {
        List<Collation> colls = new ArrayList<>();
        List<Boolean> desc = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("PRAGMA index_xinfo(\"" + index + "\")")) {
            while (rs.next()) {
                colls.add(Collation.builtin(rs.getString("coll")));
                desc.add(rs.getInt("desc") != 0);
            }
        }
        boolean[] d = new boolean[desc.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = desc.get(k);
        }
        return new KeyInfo(colls.toArray(new Collation[0]), d);
    }

    private long checkIndex(BTree bt, Statement st, SchemaEntry e, KeyInfo ki, Map<Long, Object[]> rows)
            throws Exception {
        List<Integer> cids = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("PRAGMA index_info(\"" + e.name() + "\")")) {
            while (rs.next()) {
                cids.add(rs.getInt("cid"));
            }
        }
        long tableCount;
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + e.tblName() + "\"")) {
            rs.next();
            tableCount = rs.getLong(1);
        }
        BtCursor cur = bt.openIndex((int) e.rootpage(), ki, false);
        long n = 0;
        Object[] prev = null;
        try {
            for (boolean ok = cur.first(); ok; ok = cur.next()) {
                Object[] key = cur.record().values();
                assertEquals(cids.size() + 1, key.length, e.name() + ": index entry width");
                if (prev != null) {
                    assertTrue(ki.compare(prev, key) < 0, e.name() + ": index entries out of order");
                }
                long rowid = (Long) key[key.length - 1];
                Object[] row = rows.get(rowid);
                assertNotNull(row, e.name() + ": entry for a missing row " + rowid);
                for (int k = 0; k < cids.size(); k++) {
                    assertSameValue(row[cids.get(k)], key[k], e.name() + " entry for rowid " + rowid);
                }
                prev = key;
                n++;
            }
        } finally {
            cur.close();
        }
        if (e.sql() == null || !e.sql().toUpperCase(Locale.ROOT).contains(" WHERE ")) {
            assertEquals(tableCount, n, e.name() + ": index entry count");
        }
        return n;
    }
}
