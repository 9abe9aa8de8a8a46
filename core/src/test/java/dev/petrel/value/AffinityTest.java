package dev.petrel.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Type affinity: declared type names and values stored through a real SQLite table. */
class AffinityTest {
    private static SqliteOracle oracle;

    @BeforeAll
    static void open() {
        oracle = new SqliteOracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    private static final String[] TYPE_NAMES = {"INT", "INTEGER", "TINYINT", "BIGINT", "UNSIGNED BIG INT",
        "INT2", "CHARACTER(20)", "VARCHAR(255)", "NCHAR(55)", "TEXT", "CLOB", "BLOB", "", "REAL", "DOUBLE",
        "DOUBLE PRECISION", "FLOAT", "NUMERIC", "DECIMAL(10,5)", "BOOLEAN", "DATE", "DATETIME", "FLOATING POINT",
        "STRING", "CHARINT", "POINT", "bLoB", "int", "Float", "ANYTHING", "INTERVAL", "TINTEGER", "BLOBINT",
        "CHAR BLOB", "REALTEXT", "DOUB"};

    @Test
    void documentedTypeNames() {
        assertEquals(Affinity.INTEGER, Affinity.fromDeclaredType("FLOATING POINT"));
        assertEquals(Affinity.NUMERIC, Affinity.fromDeclaredType("STRING"));
        assertEquals(Affinity.INTEGER, Affinity.fromDeclaredType("CHARINT"));
        assertEquals(Affinity.TEXT, Affinity.fromDeclaredType("VARCHAR(10)"));
        assertEquals(Affinity.BLOB, Affinity.fromDeclaredType(""));
        assertEquals(Affinity.BLOB, Affinity.fromDeclaredType(null));
        assertEquals(Affinity.REAL, Affinity.fromDeclaredType("DOUBLE PRECISION"));
        assertEquals(Affinity.NUMERIC, Affinity.fromDeclaredType("DECIMAL(10,5)"));
        for (Affinity a : Affinity.values()) {
            assertEquals(a, Affinity.fromCode(a.code()));
        }
    }

    /**
     * For every type name, a table column of that type stores generated values exactly as
     * {@code fromDeclaredType(name).apply(value)} says (value and storage class).
     */
    @Test
    void storedValuesMatchSqlite() {
        long seed = 0xAFF1L;
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        StringBuilder ddl = new StringBuilder("CREATE TABLE t(");
        StringBuilder ins = new StringBuilder("INSERT INTO t VALUES(");
        StringBuilder sel = new StringBuilder("SELECT ");
        for (int i = 0; i < TYPE_NAMES.length; i++) {
            String sep = i > 0 ? ", " : "";
            ddl.append(sep).append("c").append(i).append(' ').append(TYPE_NAMES[i].isEmpty() ? "" : TYPE_NAMES[i]);
            ins.append(sep).append("?1");
            sel.append(sep).append("typeof(c").append(i).append("), c").append(i);
        }
        oracle.exec(ddl.append(")").toString());
        Affinity[] affs = new Affinity[TYPE_NAMES.length];
        for (int i = 0; i < affs.length; i++) {
            affs[i] = Affinity.fromDeclaredType(TYPE_NAMES[i]);
        }
        int n = 1500 * ValueGen.scale();
        for (int k = 0; k < n; k++) {
            Object v = gen.any();
            oracle.exec("DELETE FROM t");
            oracle.update(ins.append("").toString().concat(")"), v);
            Object[] stored = oracle.row(sel + " FROM t");
            for (int i = 0; i < affs.length; i++) {
                diff.check("column " + TYPE_NAMES[i], new Object[] {v}, stored[i], affs[i].apply(v));
            }
        }
        diff.assertNoFailures(seed);
    }
}
