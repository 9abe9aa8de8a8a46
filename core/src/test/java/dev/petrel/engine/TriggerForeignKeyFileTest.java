package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.vfs.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files whose rows were written by triggers and foreign key actions: SQLite passes integrity_check and
 * foreign_key_check on what Petrel wrote and reads the same rows; the triggers Petrel stored fire in SQLite, and
 * triggers SQLite stored fire in Petrel, with the same results.
 */
class TriggerForeignKeyFileTest {
    private static final String[] SCHEMA = {
        "PRAGMA foreign_keys = ON",
        "CREATE TABLE dept(id INTEGER PRIMARY KEY, name TEXT UNIQUE, budget REAL)",
        "CREATE TABLE emp(id INTEGER PRIMARY KEY, dept INTEGER REFERENCES dept(id) ON DELETE CASCADE "
                + "ON UPDATE CASCADE, boss INTEGER REFERENCES emp(id) ON DELETE SET NULL, name TEXT, pay REAL)",
        "CREATE INDEX emp_dept ON emp(dept)",
        "CREATE TABLE audit(id INTEGER PRIMARY KEY AUTOINCREMENT, what TEXT, ref INTEGER, pad BLOB)",
        "CREATE TRIGGER emp_ins AFTER INSERT ON emp BEGIN "
                + "INSERT INTO audit(what, ref, pad) VALUES('hire ' || NEW.name, NEW.id, zeroblob(NEW.id % 7 * 300)); "
                + "UPDATE dept SET budget = budget - NEW.pay WHERE id = NEW.dept; END",
        "CREATE TRIGGER emp_del AFTER DELETE ON emp BEGIN "
                + "INSERT INTO audit(what, ref) VALUES('fire ' || OLD.name, OLD.id); END",
        "CREATE TRIGGER emp_pay BEFORE UPDATE OF pay ON emp WHEN NEW.pay < 0 BEGIN "
                + "SELECT RAISE(ABORT, 'negative pay'); END",
        "CREATE VIEW roster AS SELECT e.id, e.name, d.name AS dept FROM emp e JOIN dept d ON d.id = e.dept",
        "CREATE TRIGGER roster_ins INSTEAD OF INSERT ON roster BEGIN "
                + "INSERT INTO emp(name, dept, pay) VALUES(NEW.name, (SELECT id FROM dept WHERE name = NEW.dept), 1); END"
    };

    private static final String[] CHECKS = {
        "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY rowid",
        "SELECT * FROM dept ORDER BY id",
        "SELECT * FROM emp ORDER BY id",
        "SELECT id, what, ref, length(pad) FROM audit ORDER BY id",
        "SELECT * FROM sqlite_sequence",
        "SELECT * FROM roster ORDER BY id",
    };

    private static void work(Connection c, int n) {
        c.exec(String.join(";", SCHEMA));
        c.exec("BEGIN");
        for (int d = 1; d <= 20; d++) {
            c.exec("INSERT INTO dept VALUES(" + d + ", 'dept" + d + "', 100000)");
        }
        for (int i = 1; i <= n; i++) {
            c.exec("INSERT INTO emp(dept, boss, name, pay) VALUES(" + (i % 20 + 1) + ", " + (i > 10 ? i / 10 : "NULL")
                    + ", 'e" + i + "', " + (i % 50) * 10.5 + ")");
        }
        c.exec("COMMIT");
        c.exec("DELETE FROM dept WHERE id % 7 = 0; UPDATE dept SET id = id + 100 WHERE id % 5 = 0;"
                + "DELETE FROM emp WHERE id % 13 = 0; INSERT INTO roster(name, dept) VALUES('view hire', 'dept3')");
    }

    @Test
    void petrelWrittenFileIsValidForSqlite() throws Exception {
        MemoryVfs vfs = new MemoryVfs();
        List<List<String>> expected = new ArrayList<>();
        try (Database db = Petrel.open(vfs, "tfk.db"); Connection c = db.connect()) {
            work(c, 1500);
            for (String q : CHECKS) {
                expected.add(FileCompatTest.petrelRows(c, q));
            }
            assertEquals(List.of("'ok'"), FileCompatTest.petrelRows(c, "PRAGMA integrity_check"));
            assertEquals(List.of(), FileCompatTest.petrelRows(c, "PRAGMA foreign_key_check"));
        }
        Path file = Files.createTempFile("petrel-tfk", ".db");
        try {
            Files.write(file, vfs.snapshot("tfk.db"));
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                assertEquals(List.of("'ok'"), FileCompatTest.sqliteRows(s, "PRAGMA integrity_check"));
                assertEquals(List.of(), FileCompatTest.sqliteRows(s, "PRAGMA foreign_key_check"));
                for (int i = 0; i < CHECKS.length; i++) {
                    assertEquals(expected.get(i), FileCompatTest.sqliteRows(s, CHECKS[i]), CHECKS[i]);
                }
                // The triggers Petrel stored fire in SQLite.
                try (java.sql.Statement st = s.createStatement()) {
                    st.execute("PRAGMA foreign_keys = ON");
                    st.execute("INSERT INTO emp(dept, name, pay) VALUES(1, 'late', 5)");
                    st.execute("DELETE FROM dept WHERE id = 2");
                }
                assertEquals(List.of("'ok'"), FileCompatTest.sqliteRows(s, "PRAGMA integrity_check"));
                assertEquals(List.of("'hire late'"), FileCompatTest.sqliteRows(s,
                        "SELECT what FROM audit WHERE what = 'hire late'"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void sqliteWrittenTriggersFireInPetrel() throws Exception {
        Path file = Files.createTempFile("sqlite-tfk", ".db");
        List<List<String>> expected = new ArrayList<>();
        try {
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = s.createStatement()) {
                for (String sql : SCHEMA) {
                    st.execute(sql);
                }
                st.execute("INSERT INTO dept VALUES(1, 'a', 10), (2, 'b', 20)");
            }
            MemoryVfs vfs = new MemoryVfs();
            vfs.put("tfk.db", Files.readAllBytes(file));
            String[] steps = {"PRAGMA foreign_keys = ON", "INSERT INTO emp(dept, name, pay) VALUES(1, 'x', 3)",
                "INSERT INTO emp(dept, boss, name, pay) VALUES(2, 1, 'y', 4)", "UPDATE dept SET id = 5 WHERE id = 1",
                "DELETE FROM emp WHERE name = 'x'", "INSERT INTO roster(name, dept) VALUES('z', 'b')",
                "UPDATE emp SET pay = -1"};
            try (java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:" + file);
                 java.sql.Statement st = s.createStatement()) {
                for (String sql : steps) {
                    try {
                        st.execute(sql);
                    } catch (java.sql.SQLException e) {
                        // the last step fails in both engines
                    }
                }
                for (String q : CHECKS) {
                    expected.add(FileCompatTest.sqliteRows(s, q));
                }
            }
            try (Database db = Petrel.open(vfs, "tfk.db"); Connection c = db.connect()) {
                for (String sql : steps) {
                    try {
                        c.exec(sql);
                    } catch (dev.petrel.api.PetrelException e) {
                        assertEquals("negative pay", e.getMessage());
                    }
                }
                for (int i = 0; i < CHECKS.length; i++) {
                    assertEquals(expected.get(i), FileCompatTest.petrelRows(c, CHECKS[i]), CHECKS[i]);
                }
                assertEquals(List.of("'ok'"), FileCompatTest.petrelRows(c, "PRAGMA integrity_check"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
