package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * PRAGMAs against sqlite-jdbc (rows and errors identical): the catalogue pragmas and their table-valued functions
 * (correlated arguments, hidden columns {@code arg} and {@code schema}), the header values, and the settings a
 * connection keeps. Lists whose contents depend on the build (function_list, compile_options) or whose order is
 * SQLite's hash order (table_list) are compared on rows both builds share, or sorted.
 */
class PragmaOracleTest {
    private static void check(String... script) {
        assertEquals("", Oracle.scriptDifferences(script));
    }

    private static final String[] SCHEMA = {
        "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL DEFAULT 'x', c REFERENCES t(a) ON DELETE CASCADE)",
        "CREATE INDEX tb ON t(b, c DESC)",
        "CREATE TABLE u(x, y, z, PRIMARY KEY(x, y), FOREIGN KEY (y, z) REFERENCES t(a, b)) WITHOUT ROWID",
        "CREATE VIEW v AS SELECT a, b AS bee FROM t",
        "CREATE VIEW v2(p, q) AS SELECT a + 1, b FROM t",
        "CREATE TABLE s(p INT, q TEXT, r AS (p * 2)) STRICT",
        "CREATE UNIQUE INDEX sq ON s(q COLLATE NOCASE) WHERE p > 0",
    };

    @Test
    void correlatedPragmaFunctions() {
        check(Oracle.concat(SCHEMA,
                "SELECT m.name, p.name, p.pk FROM sqlite_schema m JOIN pragma_table_info(m.name) p ORDER BY 1, p.cid",
                "SELECT m.name, p.* FROM sqlite_schema m, pragma_index_list(m.name) p ORDER BY 1, 2",
                "SELECT m.name, p.* FROM sqlite_schema m, pragma_foreign_key_list(m.name) p ORDER BY 1, 2, 3",
                "SELECT m.name, p.* FROM sqlite_schema m, pragma_table_xinfo(m.name) p WHERE m.type = 'table' ORDER BY 1, 2",
                "SELECT name FROM sqlite_schema s WHERE EXISTS (SELECT 1 FROM pragma_table_info(s.name) WHERE pk > 0) ORDER BY 1",
                "SELECT name, (SELECT count(*) FROM pragma_table_info(s.name)) FROM sqlite_schema s ORDER BY 1",
                "SELECT il.name, ii.* FROM pragma_index_list('t') il, pragma_index_xinfo(il.name) ii ORDER BY 1, 2",
                "SELECT m.name, ii.name, ii.coll FROM sqlite_schema m, pragma_index_info(m.name) ii ORDER BY 1, 2",
                "SELECT t.name, c.name FROM pragma_table_list t LEFT JOIN pragma_table_info(t.name) c WHERE t.schema = 'main' ORDER BY 1, c.cid"));
    }

    @Test
    void hiddenColumns() {
        check(Oracle.concat(SCHEMA,
                "SELECT *, arg, schema FROM pragma_table_info('t')",
                "SELECT *, arg, schema FROM pragma_table_info('t', 'main')",
                "SELECT *, arg, schema FROM pragma_table_info('t', 'nosuch')",
                "SELECT *, arg, schema FROM pragma_table_info(NULL)",
                "SELECT *, arg, schema FROM pragma_table_info WHERE arg = 'u'",
                "SELECT * FROM pragma_table_info('t', 'main', 3)",
                "SELECT *, arg, schema FROM pragma_index_xinfo('tb')",
                "SELECT *, arg, schema FROM pragma_index_info('sq')",
                "SELECT *, arg FROM pragma_table_list('u')",
                "SELECT *, arg FROM pragma_table_list('nosuch')",
                "SELECT * FROM pragma_table_list('v')",
                "SELECT * FROM pragma_collation_list('x')",
                "SELECT * FROM pragma_function_list(1)",
                "SELECT * FROM pragma_user_version('5')"));
    }

    @Test
    void cataloguePragmas() {
        check(Oracle.concat(SCHEMA,
                "PRAGMA table_info(v)", "PRAGMA table_xinfo(v2)", "SELECT * FROM pragma_table_info('v')",
                "PRAGMA table_xinfo(s)", "PRAGMA index_xinfo(tb)", "PRAGMA index_xinfo(sqlite_autoindex_u_1)",
                "PRAGMA index_xinfo(sq)", "PRAGMA index_info(sq)", "PRAGMA index_list(s)",
                "PRAGMA foreign_key_list(u)", "SELECT * FROM pragma_foreign_key_list('t')",
                "PRAGMA foreign_key_list(nosuch)", "PRAGMA table_list('v')", "PRAGMA table_list(u)",
                "PRAGMA table_list(sqlite_schema)", "PRAGMA table_list(sqlite_master)",
                "SELECT * FROM pragma_table_list ORDER BY schema, name",
                "PRAGMA collation_list", "SELECT * FROM pragma_collation_list ORDER BY name",
                "PRAGMA pragma_list", "SELECT count(*) FROM pragma_pragma_list",
                "SELECT name, builtin, type, enc, narg, flags FROM pragma_function_list WHERE name IN ('abs', 'substr',"
                        + " 'coalesce', 'concat', 'concat_ws', 'iif', 'if', 'char', 'random', 'changes', 'sum',"
                        + " 'count', 'group_concat', 'total', 'avg', 'likelihood', 'round', 'printf', 'format',"
                        + " 'load_extension', 'date', 'strftime', 'datetime', 'julianday', 'unixepoch', 'hex',"
                        + " 'sqlite_version', 'sqlite_compileoption_used', 'total_changes', 'randomblob',"
                        + " 'json_array', 'json_object', 'json_quote', 'json_group_array', 'pi', 'atan2', 'log')"
                        + " ORDER BY name, narg",
                "SELECT count(*) FROM pragma_function_list WHERE name = 'soundex'",
                "SELECT * FROM pragma_compile_options WHERE compile_options IN ('DEFAULT_CACHE_SIZE=-2000',"
                        + " 'MAX_PAGE_SIZE=65536', 'ENABLE_MATH_FUNCTIONS', 'TEMP_STORE=1', 'MAX_TRIGGER_DEPTH=1000')"));
    }

    @Test
    void headerValues() {
        check("PRAGMA user_version", "PRAGMA user_version = 7", "PRAGMA user_version",
                "PRAGMA user_version = '12abc'", "PRAGMA user_version", "PRAGMA user_version = -5",
                "PRAGMA user_version", "PRAGMA user_version = 99999999999", "PRAGMA user_version",
                "PRAGMA user_version = 0x1F", "PRAGMA user_version", "PRAGMA user_version = ' 12'",
                "PRAGMA user_version", "PRAGMA user_version = 2147483648", "PRAGMA main.user_version",
                "PRAGMA user_version = -2147483648", "PRAGMA user_version", "PRAGMA user_version = '0000000000012'",
                "PRAGMA user_version", "PRAGMA user_version = 1.9", "PRAGMA user_version",
                "PRAGMA application_id = 16", "PRAGMA application_id", "SELECT * FROM pragma_application_id",
                "PRAGMA schema_version", "PRAGMA data_version", "CREATE TABLE t(a)", "PRAGMA data_version",
                "PRAGMA freelist_count", "PRAGMA page_count", "PRAGMA auto_vacuum", "PRAGMA auto_vacuum = 1",
                "PRAGMA auto_vacuum", "SELECT * FROM pragma_user_version", "PRAGMA integrity_check(5)",
                "PRAGMA quick_check", "PRAGMA quick_check(3)", "SELECT * FROM pragma_integrity_check",
                "SELECT * FROM pragma_journal_mode", "PRAGMA no_such_pragma", "PRAGMA no_such_pragma = 5");
    }

    @Test
    void booleanFlags() {
        String[] flags = {"query_only", "read_uncommitted", "ignore_check_constraints", "legacy_alter_table",
            "reverse_unordered_selects", "trusted_schema", "writable_schema", "cell_size_check", "automatic_index",
            "short_column_names", "full_column_names", "count_changes", "fullfsync", "checkpoint_fullfsync",
            "empty_result_callbacks", "recursive_triggers", "defer_foreign_keys"};
        String[] values = {"on", "off", "yes", "no", "true", "false", "2", "-1", "abc", "' 1'", "'1x'", "0x1", "256"};
        java.util.List<String> script = new java.util.ArrayList<>();
        for (String flag : flags) {
            script.add("PRAGMA " + flag);
            for (String v : values) {
                if (flag.equals("query_only") && !v.equals("off")) {
                    continue;
                }
                script.add("PRAGMA " + flag + " = " + v);
                script.add("PRAGMA " + flag);
            }
        }
        check(script.toArray(new String[0]));
    }

    @Test
    void limitsAndSettings() {
        check("PRAGMA cache_spill", "PRAGMA cache_size = 100", "PRAGMA cache_spill", "PRAGMA cache_spill = 50",
                "PRAGMA cache_spill", "PRAGMA cache_spill = 500", "PRAGMA cache_spill", "PRAGMA cache_spill = off",
                "PRAGMA cache_spill", "PRAGMA cache_spill = on", "PRAGMA cache_spill", "PRAGMA cache_size = -4000",
                "PRAGMA cache_spill", "PRAGMA cache_size = -1000", "PRAGMA cache_spill = 0", "PRAGMA cache_spill",
                "PRAGMA secure_delete", "PRAGMA secure_delete = 1", "PRAGMA secure_delete = fast",
                "PRAGMA secure_delete", "PRAGMA secure_delete = 5", "PRAGMA secure_delete = -1",
                "PRAGMA threads", "PRAGMA threads = 4", "PRAGMA threads = 100", "PRAGMA threads = -3",
                "PRAGMA threads", "PRAGMA soft_heap_limit", "PRAGMA soft_heap_limit = 1000000",
                "PRAGMA hard_heap_limit", "PRAGMA hard_heap_limit = 5000000", "PRAGMA hard_heap_limit = 9000000",
                "PRAGMA hard_heap_limit", "PRAGMA soft_heap_limit = 9000000", "PRAGMA soft_heap_limit = -5",
                "PRAGMA soft_heap_limit", "PRAGMA analysis_limit", "PRAGMA analysis_limit = 50",
                "PRAGMA analysis_limit = -5", "PRAGMA analysis_limit", "PRAGMA journal_size_limit",
                "PRAGMA journal_size_limit = 1000", "PRAGMA journal_size_limit = -7", "PRAGMA journal_size_limit",
                "PRAGMA wal_autocheckpoint", "PRAGMA wal_autocheckpoint = 500", "PRAGMA wal_autocheckpoint = -7",
                "PRAGMA wal_autocheckpoint", "PRAGMA max_page_count", "PRAGMA max_page_count = 100",
                "PRAGMA max_page_count", "PRAGMA max_page_count = 0", "PRAGMA max_page_count = 5000000000",
                "PRAGMA max_page_count = 'abc'", "PRAGMA wal_checkpoint", "PRAGMA wal_checkpoint(TRUNCATE)",
                "SELECT * FROM pragma_wal_checkpoint", "PRAGMA optimize", "PRAGMA shrink_memory",
                "PRAGMA mmap_size", "PRAGMA temp_store_directory", "PRAGMA threads");
    }

    @Test
    void queryOnlyAndIgnoreChecks() {
        check("CREATE TABLE t(a CHECK (a > 0))", "PRAGMA query_only = 1", "PRAGMA query_only",
                "INSERT INTO t VALUES (1)", "CREATE TABLE t2(a)", "PRAGMA user_version = 3", "SELECT * FROM t",
                "PRAGMA query_only = 0", "INSERT INTO t VALUES (1)", "PRAGMA ignore_check_constraints = 1",
                "INSERT INTO t VALUES (-1)", "UPDATE t SET a = -5 WHERE a = 1", "PRAGMA ignore_check_constraints = 0",
                "INSERT INTO t VALUES (-2)", "UPDATE t SET a = -6 WHERE a = -5", "SELECT * FROM t ORDER BY a");
    }

    @Test
    void compileOptionFunctions() {
        check("SELECT sqlite_compileoption_used('MAX_PAGE_SIZE')",
                "SELECT sqlite_compileoption_used('SQLITE_MAX_PAGE_SIZE')",
                "SELECT sqlite_compileoption_used('max_page_size')",
                "SELECT sqlite_compileoption_used('MAX_PAGE_SIZE=65536')",
                "SELECT sqlite_compileoption_used('MAX_PAGE')", "SELECT sqlite_compileoption_used('sqlite_')",
                "SELECT sqlite_compileoption_used(NULL)", "SELECT sqlite_compileoption_used(5)",
                "SELECT sqlite_compileoption_used('')", "SELECT sqlite_compileoption_get(-1)",
                "SELECT sqlite_compileoption_get(1000)", "SELECT sqlite_compileoption_used()",
                "SELECT sqlite_compileoption_get()", "SELECT load_extension('x')",
                "SELECT load_extension('x', 'y')", "SELECT soundex('x')",
                "SELECT typeof(sqlite_compileoption_used('ENABLE_MATH_FUNCTIONS'))");
    }
}
