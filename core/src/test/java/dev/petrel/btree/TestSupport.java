package dev.petrel.btree;

import dev.petrel.pager.Pager;
import dev.petrel.vfs.MemoryVfs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers of the b-tree tests: sample databases, the test scale, a seeded PRNG, SQLite as oracle. */
final class TestSupport {
    private TestSupport() {
    }

    static Path sharedDir() {
        String prop = System.getProperty("petrel.shared.dir");
        if (prop != null && new File(prop, "sample-dbs").isDirectory()) {
            return Path.of(prop);
        }
        if (new File("../../shared/sample-dbs").isDirectory()) {
            return Path.of("../../shared");
        }
        return Path.of("/work/shared");
    }

    static Path chinook() {
        return sharedDir().resolve("sample-dbs/chinook/Chinook_Sqlite.sqlite");
    }

    static Path northwind() {
        return sharedDir().resolve("sample-dbs/northwind/northwind.db");
    }

    static int scale() {
        String s = System.getProperty("petrel.test.scale");
        try {
            return s == null || s.isBlank() ? 1 : Math.max(1, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** SplitMix64: a deterministic PRNG that behaves the same on every platform. */
    static final class Rng {
        private long state;

        Rng(long seed) {
            state = seed;
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        int nextInt(int bound) {
            return (int) Long.remainderUnsigned(nextLong(), bound);
        }

        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        byte[] bytes(int n) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) nextLong();
            }
            return b;
        }
    }

    /** A fresh database on a memory VFS with an open write transaction and page 1 initialized. */
    static final class Db {
        final MemoryVfs vfs = new MemoryVfs();
        final Pager pager;
        final BTree bt;

        Db(int pageSize) {
            pager = Pager.open(vfs, "test.db", pageSize);
            pager.beginWrite();
            bt = BTree.open(pager);
            bt.initialize();
        }

        Db(byte[] image) {
            vfs.put("test.db", image);
            pager = Pager.open(vfs, "test.db", 4096);
            pager.beginRead();
            bt = BTree.open(pager);
        }

        byte[] commitAndSnapshot() {
            pager.commit();
            return vfs.snapshot("test.db");
        }
    }

    static Connection sqlite(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    static Path writeTemp(byte[] image) throws IOException {
        Path p = Files.createTempFile("petrel-btree", ".db");
        Files.write(p, image);
        p.toFile().deleteOnExit();
        return p;
    }

    static List<String> sqliteIntegrity(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** A column value as sqlite-jdbc reports it, mapped to Petrel's storage values. */
    static Object sqliteValue(ResultSet rs, int col) throws SQLException {
        Object v = rs.getObject(col);
        if (v instanceof Integer) {
            return ((Integer) v).longValue();
        }
        if (v instanceof Float) {
            return ((Float) v).doubleValue();
        }
        return v;
    }
}
