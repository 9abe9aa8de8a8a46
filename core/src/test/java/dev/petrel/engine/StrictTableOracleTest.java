package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** STRICT tables (stricttables.html) on Petrel and SQLite: accepted types, conversions, datatype errors. */
class StrictTableOracleTest {
    @Test
    void typesAndConversions() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE t(a INT, b INTEGER, c REAL, d TEXT, e BLOB, f ANY) STRICT",
                "INSERT INTO t VALUES(1, 2, 3, 4, x'05', 6)",
                "INSERT INTO t VALUES('7', '8', '9.5', 10.5, x'', '11')",
                "INSERT INTO t VALUES(1.0, 2.0, 3, 'x', NULL, 1.5)",
                "INSERT INTO t VALUES(NULL, NULL, NULL, NULL, NULL, NULL)",
                "SELECT a, typeof(a), b, typeof(b), c, typeof(c), d, typeof(d), e, typeof(e), f, typeof(f) FROM t",
                "INSERT INTO t(a) VALUES('abc')",
                "INSERT INTO t(a) VALUES(1.5)",
                "INSERT INTO t(b) VALUES(x'00')",
                "INSERT INTO t(c) VALUES('abc')",
                "INSERT INTO t(c) VALUES(x'01')",
                "INSERT INTO t(d) VALUES(x'01')",
                "INSERT INTO t(e) VALUES(1)",
                "INSERT INTO t(e) VALUES('x')",
                "INSERT OR IGNORE INTO t(a) VALUES('x')",
                "INSERT OR REPLACE INTO t(a) VALUES('x')",
                "UPDATE t SET a = 'nope'",
                "UPDATE t SET c = '2.25' WHERE a = 1",
                "SELECT a, c, typeof(c) FROM t ORDER BY rowid",
                "SELECT count(*) FROM t"));
    }

    @Test
    void constraintOrderAndKeys() {
        assertEquals("", Oracle.scriptDifferences(
                "CREATE TABLE u(id INTEGER PRIMARY KEY, a INT UNIQUE, b TEXT NOT NULL, c INT CHECK(c > 0)) STRICT",
                "INSERT INTO u VALUES(1, 1, 'x', 1)",
                "INSERT INTO u VALUES(2, 'x', NULL, 1)",
                "INSERT INTO u VALUES(2, 'x', 'y', 1)",
                "INSERT INTO u VALUES(2, 1, 'y', 'z')",
                "INSERT INTO u VALUES(2, 1, 'y', 1)",
                "INSERT INTO u VALUES(2, 2, 'y', 0)",
                "INSERT INTO u VALUES('3', 3, 3, 3)",
                "INSERT INTO u VALUES('x', 4, 'y', 4)",
                "SELECT * FROM u ORDER BY id",
                "CREATE TABLE v(a foo) STRICT",
                "CREATE TABLE v(a) STRICT",
                "CREATE TABLE v(a INT, b VARCHAR(10)) STRICT",
                "CREATE TABLE v(a \"int\", b 'TEXT', c [real]) STRICT",
                "INSERT INTO v VALUES('1', 2, '3')",
                "SELECT a, typeof(a), b, typeof(b), c, typeof(c) FROM v",
                "CREATE TABLE x(a ANY)",
                "INSERT INTO x VALUES('12')",
                "SELECT a, typeof(a) FROM x"));
    }
}
