package dev.petrel.cli;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pragma table-valued functions (correlated with sqlite_schema), catalogue and settings PRAGMAs, and core/date
 * functions through the shell, against the real {@code sqlite3} 3.40: stdout, stderr and exit status must match in
 * list mode (and with headers). Only what 3.40 and 3.53 answer alike is here: no function_list (the function sets
 * differ), no collation_list (the shell registers its own collations), no round(1.005, 2) (3.53 rounds to 1.0),
 * and none of the functions newer than 3.40 (concat, unistr, timediff, octet_length, unhex, printf %r).
 */
class ShellPragmaGoldenTest {
    @BeforeAll
    static void needsSqlite3() throws java.io.IOException {
        ShellGoldenTest.requireSqlite3("petrel-pragma-golden");
    }

    private static final String SCHEMA = "create table t(a integer primary key, b text not null default 'x',"
            + " c references t(a) on delete cascade);\n"
            + "create index tb on t(b, c desc);\n"
            + "create table u(x, y, z, primary key(x, y), foreign key (y, z) references t(a, b)) without rowid;\n"
            + "create view v as select a, b as bee from t;\n";

    static Stream<String> scripts() {
        return Stream.of(
                SCHEMA + "select m.name, p.cid, p.name, p.type, p.pk from sqlite_schema m"
                        + " join pragma_table_info(m.name) p order by 1, 2;\n",
                SCHEMA + "select m.name, p.* from sqlite_schema m, pragma_index_list(m.name) p order by 1, 2;\n"
                        + "select m.name, p.* from sqlite_schema m, pragma_foreign_key_list(m.name) p"
                        + " order by 1, 2, 3;\n",
                SCHEMA + "select *, arg, schema from pragma_index_xinfo('tb');\n"
                        + "select * from pragma_table_list where schema = 'main' order by name;\n"
                        + "pragma table_list(u);\npragma index_xinfo(sqlite_autoindex_u_1);\npragma table_xinfo(v);\n"
                        + "select name from pragma_pragma_list where name like 'table%';\n",
                SCHEMA + "select name, (select count(*) from pragma_table_info(s.name)) from sqlite_schema s"
                        + " where exists (select 1 from pragma_index_list(s.name)) order by 1;\n"
                        + "select * from pragma_table_info('t') where arg = 't' and pk = 1;\n",
                "select format('%q|%Q|%w', 'it''s', null, 'a\"b'), printf('%5.2f|%-4d|%x', 3.14159, 42, 255);\n"
                        + "select quote(0.1), quote(1e100), quote(-0.0), quote(x'00ff'), char(72, 105, 0x1F600);\n"
                        + "select instr(x'010203', x'0203'), hex(substr(x'0102030405', -10, 7)), trim('xxaxx', 'x');\n"
                        + "select round(2.5), round(-2.5), round(123.456, -1), glob('a*', 'abc'), likelihood(1, 0.5);\n",
                "select strftime('%J|%f|%s', '2024-01-15 10:30:45.123'), julianday('2000-01-01');\n"
                        + "select datetime(1700000000, 'unixepoch'), date('2024-01-31', '+1 month');\n"
                        + "select datetime(2460000, 'auto'), time('12:00', '+90 minutes'), iif(1, 'y', 'n');\n"
                        + "select typeof(randomblob(4)), length(zeroblob(3)), hex(zeroblob(2)), total_changes();\n",
                "pragma user_version = 7;\npragma user_version;\npragma cache_spill;\npragma secure_delete = fast;\n"
                        + "pragma threads;\npragma automatic_index;\npragma trusted_schema;\npragma journal_size_limit;\n"
                        + "pragma wal_autocheckpoint;\npragma soft_heap_limit;\npragma query_only = 1;\n"
                        + "create table w(a);\npragma query_only = 0;\npragma no_such_pragma;\n");
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void pragmaAndFunctionQueries(String script) throws Exception {
        ShellGoldenTest.assertSameInListMode(script);
    }
}
