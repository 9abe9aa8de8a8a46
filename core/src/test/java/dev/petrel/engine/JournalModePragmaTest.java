package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.Statement;
import dev.petrel.vfs.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRAGMA journal_mode reaches the pager, answers as SQLite does, and a WAL written that way is read by SQLite. */
class JournalModePragmaTest {
    private static String one(Connection c, String sql) {
        try (Statement s = c.prepare(sql)) {
            assertTrue(s.step(), sql);
            return s.columnText(0);
        }
    }

    @Test
    void inMemoryDatabaseStaysInMemoryMode() {
        try (Database db = Petrel.openMemory(); Connection c = db.connect()) {
            assertEquals("memory", one(c, "PRAGMA journal_mode"));
            assertEquals("memory", one(c, "PRAGMA journal_mode=wal"));
            c.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1); BEGIN; INSERT INTO t VALUES (2); ROLLBACK;");
            assertEquals("1", one(c, "SELECT group_concat(x) FROM t"));
        }
    }

    @Test
    void fileDatabaseSwitchesModesAndSqliteReadsTheWal(@TempDir Path dir) throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        try (Database db = Petrel.open(vfs, "t.db"); Connection c = db.connect()) {
            assertEquals("delete", one(c, "PRAGMA journal_mode"));
            assertEquals("truncate", one(c, "PRAGMA journal_mode = TRUNCATE"));
            assertEquals("truncate", one(c, "PRAGMA journal_mode = nonsense"));
            c.exec("CREATE TABLE t(x INTEGER PRIMARY KEY, y TEXT); INSERT INTO t(y) VALUES ('before wal')");
            assertEquals("wal", one(c, "PRAGMA journal_mode=WAL"));
            c.exec("INSERT INTO t(y) VALUES ('in the wal'), ('also in the wal')");
            assertTrue(vfs.exists("t.db-wal") && vfs.snapshot("t.db-wal").length > 32, "frames are in the WAL");
            Files.write(dir.resolve("copy.db"), vfs.snapshot("t.db"));
            Files.write(dir.resolve("copy.db-wal"), vfs.snapshot("t.db-wal"));
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("copy.db"));
                 ResultSet rs = s.createStatement().executeQuery(
                         "SELECT group_concat(y, '|') FROM t")) {
                rs.next();
                assertEquals("before wal|in the wal|also in the wal", rs.getString(1));
                ResultSet ic = s.createStatement().executeQuery("PRAGMA integrity_check");
                ic.next();
                assertEquals("ok", ic.getString(1));
            }
            assertEquals("delete", one(c, "PRAGMA journal_mode=delete"));
            assertEquals("3", one(c, "SELECT count(*) FROM t"));
        }
    }
}
