package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The catalogue pragmas (PRAGMA and pragma_* table functions) and the integrity check over several databases
 * (main, temp, attached files) against real SQLite, through {@link AttachOracleTest#differences}: {@code {dir}}
 * becomes SQLite's temporary directory and nothing for Petrel's MemoryVfs.
 */
class AttachPragmaOracleTest {
    @Test
    void catalogueAndSettingsPragmasNameTheirDatabase() throws Exception {
        assertEquals("", AttachOracleTest.differences(
                "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL)",
                "CREATE INDEX tb ON t(b)",
                "ATTACH '{dir}aux.db' AS aux",
                "CREATE TABLE aux.t(x, y REFERENCES t(a), z)",
                "CREATE UNIQUE INDEX aux.txz ON t(x, z DESC)",
                "CREATE TEMP TABLE tt(q)",
                "SELECT seq, name, file FROM pragma_database_list",
                "SELECT name FROM pragma_database_list WHERE name <> 'main' ORDER BY 1",
                "PRAGMA table_list",
                "PRAGMA aux.table_list",
                "SELECT schema, name, type, ncol FROM pragma_table_list ORDER BY schema, name",
                "PRAGMA table_info(t)",
                "PRAGMA main.table_info(t)",
                "PRAGMA aux.table_info(t)",
                "SELECT * FROM pragma_table_info('t', 'aux')",
                "SELECT * FROM pragma_table_info('t', 'main')",
                "SELECT * FROM pragma_table_info('t', 'nosuch')",
                "PRAGMA aux.index_list(t)",
                "PRAGMA aux.index_xinfo(txz)",
                "PRAGMA aux.foreign_key_list(t)",
                "SELECT m.name, p.name FROM aux.sqlite_schema m JOIN pragma_table_info(m.name, 'aux') p"
                        + " WHERE m.type = 'table' ORDER BY 1, 2",
                "PRAGMA aux.user_version = 7",
                "PRAGMA aux.user_version",
                "PRAGMA user_version",
                "SELECT * FROM pragma_user_version",
                "PRAGMA aux.page_count",
                "PRAGMA aux.cache_size = 123",
                "PRAGMA aux.cache_size",
                "PRAGMA cache_size",
                "PRAGMA main.cache_size",
                "PRAGMA aux.synchronous = OFF",
                "PRAGMA aux.synchronous",
                "PRAGMA synchronous",
                "ATTACH '{dir}fresh.db' AS fresh",
                "PRAGMA fresh.page_size = 8192",
                "CREATE TABLE fresh.f(x)",
                "PRAGMA fresh.page_size",
                "PRAGMA page_size",
                "DETACH fresh",
                "PRAGMA nosuch.user_version",
                "INSERT INTO main.t VALUES(1, 'one'), (2, 'two')",
                "INSERT INTO aux.t VALUES(1, 1, 1), (2, 2, 2)",
                "PRAGMA integrity_check",
                "PRAGMA aux.integrity_check",
                "PRAGMA quick_check",
                "SELECT * FROM pragma_integrity_check",
                "PRAGMA integrity_check(t)",
                "DETACH aux",
                "SELECT seq, name, file FROM pragma_database_list"));
    }
}
