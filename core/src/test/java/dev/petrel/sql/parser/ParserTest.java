package dev.petrel.sql.parser;

import dev.petrel.api.PetrelException;
import dev.petrel.sql.ast.ColumnConstraint;
import dev.petrel.sql.ast.ConflictAction;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.ForeignKey;
import dev.petrel.sql.ast.NullsOrder;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SelectBody;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.TableConstraint;
import dev.petrel.sql.ast.TableSource;
import dev.petrel.sql.ast.WindowSpec;
import dev.petrel.sql.ast.With;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shape of the trees the parser builds, statement kind by statement kind. */
class ParserTest {

    static Stmt one(String sql) {
        Stmt s = Parser.parseOne(sql);
        String printed = SqlPrinter.print(s);
        assertNull(AstEquality.diff(s, Parser.parseOne(printed)), () -> "round trip of " + sql + " via " + printed);
        return s;
    }

    static SelectBody.Core core(String sql) {
        return (SelectBody.Core) ((Select) one(sql)).body();
    }

    static Expr expr(String e) {
        return ((ResultColumn.Item) core("SELECT " + e).columns().get(0)).expr();
    }

    /** The expression fully parenthesised, to check grouping. */
    static String shape(Expr e) {
        if (e instanceof Expr.Binary b) {
            return "(" + shape(b.left()) + " " + b.op() + " " + shape(b.right()) + ")";
        }
        if (e instanceof Expr.Unary u) {
            return "(" + u.op() + " " + shape(u.operand()) + ")";
        }
        if (e instanceof Expr.Collate c) {
            return "(" + shape(c.operand()) + " COLLATE " + c.collation() + ")";
        }
        if (e instanceof Expr.Between b) {
            return "(" + shape(b.operand()) + (b.not() ? " NOT" : "") + " BETWEEN " + shape(b.low()) + " AND "
                    + shape(b.high()) + ")";
        }
        if (e instanceof Expr.Like l) {
            return "(" + shape(l.left()) + (l.not() ? " NOT " : " ") + l.op() + " " + shape(l.pattern())
                    + (l.escape() != null ? " ESCAPE " + shape(l.escape()) : "") + ")";
        }
        if (e instanceof Expr.NullTest n) {
            return "(" + shape(n.operand()) + (n.notNull() ? " NOTNULL" : " ISNULL") + ")";
        }
        if (e instanceof Expr.InList in) {
            return "(" + shape(in.operand()) + (in.not() ? " NOT" : "") + " IN " + in.list().size() + ")";
        }
        if (e instanceof Expr.ColumnRef c) {
            return c.column();
        }
        if (e instanceof Expr.Literal l) {
            return l.text();
        }
        return e.getClass().getSimpleName();
    }

    @Test
    void operatorPrecedenceAndAssociativity() {
        String[][] cases = {
            {"1 + 2 * 3", "(1 ADD (2 MUL 3))"},
            {"1 - 2 - 3", "((1 SUB 2) SUB 3)"},
            {"a OR b AND c", "(a OR (b AND c))"},
            {"NOT a = b", "(NOT (a EQ b))"},
            {"NOT a AND b", "((NOT a) AND b)"},
            {"a = NOT b", "(a EQ (NOT b))"},
            {"-a * b", "((NEG a) MUL b)"},
            {"-a COLLATE x", "((NEG a) COLLATE x)"},
            {"~a COLLATE x || b", "(((BITNOT a) COLLATE x) CONCAT b)"},
            {"a || b -> c ->> d", "(((a CONCAT b) PTR c) PTR2 d)"},
            {"a * b || c", "(a MUL (b CONCAT c))"},
            {"a & b + c", "(a BITAND (b ADD c))"},
            {"a < b = c", "((a LT b) EQ c)"},
            {"a = b < c", "(a EQ (b LT c))"},
            {"a = b IS c", "((a EQ b) IS c)"},
            {"a IS NOT b", "(a IS_NOT b)"},
            {"a IS DISTINCT FROM b", "(a IS_NOT b)"},
            {"a IS NOT DISTINCT FROM b", "(a IS b)"},
            {"a == b <> c != d", "(((a EQ b) NE c) NE d)"},
            {"a BETWEEN 1 AND 2 AND c", "((a BETWEEN 1 AND 2) AND c)"},
            {"a NOT BETWEEN b + 1 AND c * 2", "(a NOT BETWEEN (b ADD 1) AND (c MUL 2))"},
            {"a LIKE b ESCAPE c", "(a LIKE b ESCAPE c)"},
            {"a NOT GLOB b || c", "(a NOT GLOB (b CONCAT c))"},
            {"a LIKE b AND c", "((a LIKE b) AND c)"},
            {"a ISNULL", "(a ISNULL)"},
            {"a NOTNULL = 1", "((a NOTNULL) EQ 1)"},
            {"a NOT NULL", "(a NOTNULL)"},
            {"a NOT IN (1, 2) OR b", "((a NOT IN 2) OR b)"},
            {"a COLLATE x COLLATE y", "((a COLLATE x) COLLATE y)"},
            {"1 + - - 2", "(1 ADD (NEG (NEG 2)))"},
            {"a << b >> c", "((a LSHIFT b) RSHIFT c)"},
            {"a % b / c", "((a MOD b) DIV c)"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], shape(expr(c[0])), c[0]);
        }
    }

    @Test
    void literals() {
        Expr.Literal l = (Expr.Literal) expr("42");
        assertEquals(Expr.LiteralKind.INTEGER, l.kind());
        assertEquals(42L, l.value());
        l = (Expr.Literal) expr("9223372036854775807");
        assertEquals(Long.MAX_VALUE, l.value());
        l = (Expr.Literal) expr("9223372036854775808");
        assertEquals(Expr.LiteralKind.REAL, l.kind());
        assertEquals(9.223372036854775808E18, l.value());
        l = (Expr.Literal) expr("-9223372036854775808");
        assertEquals(Expr.LiteralKind.INTEGER, l.kind());
        assertEquals(Long.MIN_VALUE, l.value());
        assertInstanceOf(Expr.Unary.class, expr("-9223372036854775807"));
        l = (Expr.Literal) expr("0xFFFFFFFFFFFFFFFF");
        assertEquals(-1L, l.value());
        l = (Expr.Literal) expr("0x0000000000000000001");
        assertEquals(1L, l.value());
        l = (Expr.Literal) expr("1_000_000");
        assertEquals(1_000_000L, l.value());
        assertEquals("1000000", l.text());
        l = (Expr.Literal) expr("1.5e3");
        assertEquals(1500.0, l.value());
        l = (Expr.Literal) expr("'it''s'");
        assertEquals("it's", l.value());
        l = (Expr.Literal) expr("x'00fF10'");
        assertArrayEquals(new byte[] {0, -1, 16}, (byte[]) l.value());
        assertEquals(Expr.LiteralKind.NULL, ((Expr.Literal) expr("NULL")).kind());
        assertEquals(Expr.LiteralKind.TRUE, ((Expr.Literal) expr("true")).kind());
        assertEquals(Expr.LiteralKind.FALSE, ((Expr.Literal) expr("FALSE")).kind());
        assertEquals(Expr.LiteralKind.CURRENT_DATE, ((Expr.Literal) expr("current_date")).kind());
        assertEquals(Expr.LiteralKind.CURRENT_TIMESTAMP, ((Expr.Literal) expr("CURRENT_TIMESTAMP")).kind());
        PetrelException e = assertThrows(PetrelException.class, () -> Parser.parseAll("SELECT -0x10000000000000000"));
        assertEquals("hex literal too big: -0x10000000000000000", e.getMessage());
    }

    @Test
    void columnReferencesAndDoubleQuotes() {
        Expr.ColumnRef c = (Expr.ColumnRef) expr("\"a b\"");
        assertEquals("a b", c.column());
        assertTrue(c.doubleQuoted());
        c = (Expr.ColumnRef) expr("[a]");
        assertFalse(c.doubleQuoted());
        c = (Expr.ColumnRef) expr("`a``b`");
        assertEquals("a`b", c.column());
        c = (Expr.ColumnRef) expr("main.t.c");
        assertEquals("main", c.schema());
        assertEquals("t", c.table());
        assertEquals("c", c.column());
        c = (Expr.ColumnRef) expr("'t'.c");
        assertEquals("t", c.table());
        c = (Expr.ColumnRef) expr("\"t\".\"c\"");
        assertFalse(c.doubleQuoted());
        assertEquals("SELECT \"x\", `key`, t.\"key\"", SqlPrinter.print(Parser.parseOne("SELECT \"x\", key, t.key")));
    }

    @Test
    void keywordsAsNames() {
        String[] names = {"key", "action", "replace", "first", "last", "row", "rows", "temp", "end", "filter",
            "window", "over", "abort", "after", "analyze", "asc", "desc", "attach", "before", "begin", "by",
            "cascade", "cast", "column", "conflict", "current", "database", "deferred", "detach", "do", "each",
            "exclude", "exclusive", "explain", "fail", "following", "for", "generated", "glob", "groups",
            "ignore", "immediate", "indexed", "initially", "instead", "like", "match", "materialized", "no",
            "nulls", "of", "offset", "others", "partition", "plan", "pragma", "preceding", "query", "raise",
            "range", "recursive", "regexp", "reindex", "release", "rename", "restrict", "rollback", "savepoint",
            "ties", "trigger", "unbounded", "vacuum", "view", "virtual", "with", "without", "always", "left",
            "right", "full", "inner", "outer", "cross", "natural", "current_time"};
        for (String n : names) {
            Stmt.CreateTable ct = (Stmt.CreateTable) one("CREATE TABLE " + n + "(" + n + " INT, x)");
            assertEquals(n, ct.name());
            assertEquals(n, ct.columns().get(0).name());
            Stmt.Insert ins = (Stmt.Insert) one("INSERT INTO " + n + "(" + n + ") VALUES (1)");
            assertEquals(List.of(n), ins.columns());
            one("UPDATE " + n + " SET " + n + " = 1");
            one("SELECT x AS " + n + " FROM " + n + " AS " + n);
        }
        SelectBody.Core c = core("SELECT key, action, replace, first, row, temp, end, filter, window, over, left "
                + "FROM t");
        for (ResultColumn rc : c.columns()) {
            assertInstanceOf(Expr.ColumnRef.class, ((ResultColumn.Item) rc).expr());
        }
        // Aliases without AS: fallback keywords yes, join keywords no.
        assertEquals("first", ((ResultColumn.Item) core("SELECT a first FROM t").columns().get(0)).alias());
        assertThrows(PetrelException.class, () -> Parser.parseAll("SELECT a left FROM t"));
        // Contextual words.
        assertEquals("over", ((ResultColumn.Item) core("SELECT count(*) over FROM t").columns().get(0)).alias());
        assertEquals("filter", ((ResultColumn.Item) core("SELECT max(a) filter FROM t").columns().get(0)).alias());
        assertEquals("window", ((ResultColumn.Item) core("SELECT a window FROM t").columns().get(0)).alias());
    }

    @Test
    void parametersAreNumberedLikeSqlite() {
        Parser p = new Parser("SELECT ?, ?5, ?, :a, @b, :a, $c::d(e), ?2; SELECT ?");
        ParsedStatement s = p.nextStatement();
        assertEquals(Arrays.asList(null, "?2", null, null, "?5", null, ":a", "@b", "$c::d(e)"), s.paramNames());
        assertEquals(9, s.paramCount());
        SelectBody.Core c = (SelectBody.Core) ((Select) s.stmt()).body();
        int[] expected = {1, 5, 6, 7, 8, 7, 9, 2};
        for (int i = 0; i < expected.length; i++) {
            Expr.Param pm = (Expr.Param) ((ResultColumn.Item) c.columns().get(i)).expr();
            assertEquals(expected[i], pm.index(), pm.name());
        }
        assertEquals(1, p.nextStatement().paramCount());
        assertNull(p.nextStatement());
    }

    @Test
    void selectClauses() {
        Select s = (Select) one("SELECT DISTINCT a, t.*, * FROM t WHERE a > 1 GROUP BY a, b HAVING count(*) > 1 "
                + "WINDOW w AS (PARTITION BY a) ORDER BY a DESC NULLS FIRST, b COLLATE nocase LIMIT 5, 10");
        SelectBody.Core c = (SelectBody.Core) s.body();
        assertTrue(c.distinct());
        assertEquals("t", ((ResultColumn.Star) c.columns().get(1)).table());
        assertNull(((ResultColumn.Star) c.columns().get(2)).table());
        assertEquals(2, c.groupBy().size());
        assertEquals("w", c.windows().get(0).name());
        assertEquals(SortOrder.DESC, s.orderBy().get(0).order());
        assertEquals(NullsOrder.FIRST, s.orderBy().get(0).nulls());
        assertInstanceOf(Expr.Collate.class, s.orderBy().get(1).expr());
        assertEquals(10L, ((Expr.Literal) s.limit().limit()).value());
        assertEquals(5L, ((Expr.Literal) s.limit().offset()).value());
    }

    @Test
    void compoundsAreLeftDeep() {
        Select s = (Select) one("SELECT 1 UNION SELECT 2 UNION ALL VALUES (3), (4) EXCEPT SELECT 5 ORDER BY 1");
        SelectBody.Compound top = (SelectBody.Compound) s.body();
        assertEquals(SelectBody.Op.EXCEPT, top.op());
        SelectBody.Compound mid = (SelectBody.Compound) top.left();
        assertEquals(SelectBody.Op.UNION_ALL, mid.op());
        assertEquals(2, ((SelectBody.Values) mid.right()).rows().size());
        assertEquals(SelectBody.Op.UNION, ((SelectBody.Compound) mid.left()).op());
        assertEquals(1, s.orderBy().size());
    }

    @Test
    void withClause() {
        Select s = (Select) one("WITH RECURSIVE a(x, y) AS MATERIALIZED (SELECT 1, 2), b AS NOT MATERIALIZED "
                + "(SELECT 3) SELECT * FROM a, b");
        assertTrue(s.with().recursive());
        assertEquals(List.of("x", "y"), s.with().ctes().get(0).columns());
        assertEquals(With.Materialized.MATERIALIZED, s.with().ctes().get(0).materialized());
        assertEquals(With.Materialized.NOT_MATERIALIZED, s.with().ctes().get(1).materialized());
    }

    @Test
    void joins() {
        SelectBody.Core c = core("SELECT * FROM a, b NATURAL JOIN c LEFT OUTER JOIN d ON d.x = c.x "
                + "CROSS JOIN (e JOIN f USING (k)) AS ef INNER JOIN g INDEXED BY gi JOIN (SELECT 1) s "
                + "RIGHT JOIN json_each(?) j FULL JOIN h NOT INDEXED");
        List<TableSource.Join> joins = new java.util.ArrayList<>();
        TableSource ts = c.from();
        while (ts instanceof TableSource.Join j) {
            joins.add(0, j);
            ts = j.left();
        }
        assertEquals("a", ((TableSource.Table) ts).name());
        assertEquals(TableSource.JoinType.COMMA, joins.get(0).type());
        assertTrue(joins.get(1).natural());
        assertEquals(TableSource.JoinType.LEFT, joins.get(2).type());
        assertTrue(joins.get(2).outer());
        assertInstanceOf(Expr.Binary.class, joins.get(2).on());
        assertEquals(TableSource.JoinType.CROSS, joins.get(3).type());
        TableSource.Paren paren = (TableSource.Paren) joins.get(3).right();
        assertEquals("ef", paren.alias());
        assertEquals(List.of("k"), ((TableSource.Join) paren.inner()).using());
        assertEquals("gi", ((TableSource.Table) joins.get(4).right()).indexedBy());
        assertEquals("s", ((TableSource.Subquery) joins.get(5).right()).alias());
        assertEquals(TableSource.JoinType.RIGHT, joins.get(6).type());
        assertEquals("j", ((TableSource.Function) joins.get(6).right()).alias());
        assertEquals(TableSource.JoinType.FULL, joins.get(7).type());
        assertTrue(((TableSource.Table) joins.get(7).right()).notIndexed());
    }

    @Test
    void functionsAndWindows() {
        Expr.FunctionCall f = (Expr.FunctionCall) expr("group_concat(DISTINCT a, ',' ORDER BY b DESC) "
                + "FILTER (WHERE a > 0) OVER (w PARTITION BY c ORDER BY d ROWS BETWEEN 2 PRECEDING AND "
                + "UNBOUNDED FOLLOWING EXCLUDE GROUP)");
        assertTrue(f.distinct());
        assertEquals(2, f.args().size());
        assertEquals(1, f.orderBy().size());
        assertInstanceOf(Expr.Binary.class, f.filter());
        WindowSpec w = f.over().spec();
        assertEquals("w", w.baseName());
        assertEquals(WindowSpec.FrameUnit.ROWS, w.frame().unit());
        assertEquals(WindowSpec.BoundKind.PRECEDING, w.frame().start().kind());
        assertEquals(WindowSpec.BoundKind.UNBOUNDED_FOLLOWING, w.frame().end().kind());
        assertEquals(WindowSpec.Exclude.GROUP, w.frame().exclude());
        f = (Expr.FunctionCall) expr("count(*) OVER win");
        assertTrue(f.star());
        assertEquals("win", f.over().windowName());
        f = (Expr.FunctionCall) expr("random()");
        assertTrue(f.args().isEmpty());
        Expr.Cast cast = (Expr.Cast) expr("CAST(x AS UNSIGNED BIG INT(10, -2))");
        assertEquals("UNSIGNED BIG INT", cast.type().name());
        assertEquals(List.of("10", "-2"), cast.type().args());
        Expr.Case cs = (Expr.Case) expr("CASE x WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END");
        assertEquals(2, cs.whens().size());
        assertInstanceOf(Expr.ColumnRef.class, cs.base());
        Expr.Raise r = (Expr.Raise) expr("RAISE(ABORT, 'bad')");
        assertEquals(Expr.RaiseKind.ABORT, r.kind());
        assertInstanceOf(Expr.RowValue.class, expr("(1, 2, 3)"));
        assertInstanceOf(Expr.Subquery.class, expr("(SELECT 1)"));
        assertInstanceOf(Expr.Exists.class, ((Expr.Unary) expr("NOT EXISTS (SELECT 1)")).operand());
        assertInstanceOf(Expr.InSelect.class, expr("a IN (SELECT 1)"));
        Expr.InTable it = (Expr.InTable) expr("a NOT IN main.t");
        assertNull(it.args());
        assertEquals("main", it.schema());
        it = (Expr.InTable) expr("a IN generate_series(1, 10)");
        assertEquals(2, it.args().size());
        assertEquals(0, ((Expr.InList) expr("a IN ()")).list().size());
    }

    @Test
    void insertUpdateDelete() {
        Stmt.Insert ins = (Stmt.Insert) one("WITH c AS (SELECT 1) REPLACE INTO main.t AS x (a, b) SELECT * FROM c "
                + "WHERE 1 ON CONFLICT (a, b COLLATE nocase) WHERE a > 0 DO UPDATE SET b = excluded.b WHERE 1 "
                + "ON CONFLICT DO NOTHING RETURNING *, a + 1 AS z");
        assertEquals(ConflictAction.REPLACE, ins.orAction());
        assertEquals("main", ins.schema());
        assertEquals("x", ins.alias());
        assertEquals(2, ins.upserts().size());
        assertEquals(2, ins.upserts().get(0).target().size());
        assertTrue(ins.upserts().get(1).doNothing());
        assertEquals(2, ins.returning().size());
        assertTrue(((Stmt.Insert) one("INSERT INTO t DEFAULT VALUES")).defaultValues());
        Stmt.Update up = (Stmt.Update) one("UPDATE OR ROLLBACK t SET a = 1, (b, c) = (2, 3) FROM u WHERE t.k = u.k "
                + "RETURNING a ORDER BY a LIMIT 1");
        assertEquals(ConflictAction.ROLLBACK, up.orAction());
        assertTrue(up.sets().get(1).parenthesized());
        assertEquals(List.of("b", "c"), up.sets().get(1).columns());
        assertInstanceOf(TableSource.Table.class, up.from());
        Stmt.Delete del = (Stmt.Delete) one("DELETE FROM t INDEXED BY i WHERE a = 1 RETURNING a");
        assertEquals("i", del.table().indexedBy());
    }

    @Test
    void createTable() {
        String sql = "CREATE TABLE IF NOT EXISTS main.t (\n  id INTEGER PRIMARY KEY ASC ON CONFLICT FAIL "
                + "AUTOINCREMENT,\n  n VARCHAR( 10 ) NOT NULL DEFAULT (1+2) COLLATE nocase,\n  r REFERENCES p(x) "
                + "ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,\n  g AS (id * 2) STORED,\n"
                + "  CONSTRAINT u UNIQUE (n, r DESC),\n  FOREIGN KEY (r) REFERENCES p(y) NOT DEFERRABLE\n)";
        Stmt.CreateTable ct = (Stmt.CreateTable) one(sql + ";");
        assertEquals(sql, ct.sourceText());
        assertEquals(sql.indexOf("t ("), ct.nameOffset());
        assertTrue(ct.ifNotExists());
        assertFalse(ct.strict());
        assertTrue(((Stmt.CreateTable) one("CREATE TABLE s(a INT) STRICT")).strict());
        ColumnConstraint.PrimaryKey pk = (ColumnConstraint.PrimaryKey) ct.columns().get(0).constraints().get(0);
        assertEquals(SortOrder.ASC, pk.order());
        assertEquals(ConflictAction.FAIL, pk.onConflict());
        assertTrue(pk.autoincrement());
        assertEquals("VARCHAR( 10 )", ct.columns().get(1).type().sourceText());
        assertEquals("VARCHAR( 10 )", ct.columns().get(1).type().declared());
        Stmt.CreateTable quoted = (Stmt.CreateTable) one("CREATE TABLE q(a \"UNSIGNED BIG INT\", b 'x' integer, "
                + "c [my type], d \"x\"(10), f integer 'q', g `a``b` c)");
        String[] declared = {"UNSIGNED BIG INT", "x", "my type", "x", "integer 'q'", "a`b"};
        for (int i = 0; i < declared.length; i++) {
            assertEquals(declared[i], quoted.columns().get(i).type().declared());
        }
        assertEquals(List.of("10"), ct.columns().get(1).type().args());
        ColumnConstraint.Default d = (ColumnConstraint.Default) ct.columns().get(1).constraints().get(1);
        assertEquals("1+2", d.sourceText());
        ForeignKey fk = ((ColumnConstraint.References) ct.columns().get(2).constraints().get(0)).foreignKey();
        assertEquals(ForeignKey.Action.SET_NULL, fk.onDelete());
        assertEquals(ForeignKey.Action.CASCADE, fk.onUpdate());
        assertEquals(Boolean.TRUE, fk.deferrable());
        assertEquals(Boolean.TRUE, fk.initiallyDeferred());
        assertTrue(((ColumnConstraint.Generated) ct.columns().get(3).constraints().get(0)).stored());
        assertEquals("u", ct.constraints().get(0).name());
        assertEquals(Boolean.FALSE, ((TableConstraint.ForeignKeyConstraint) ct.constraints().get(1)).foreignKey()
                .deferrable());
        assertNull(ct.columns().get(0).type() == null ? "" : null);
        Stmt.CreateTable dflt = (Stmt.CreateTable) one("CREATE TABLE t(a DEFAULT -5, b DEFAULT abc, "
                + "c DEFAULT 'x', d DEFAULT true, e)");
        assertEquals("-5", ((ColumnConstraint.Default) dflt.columns().get(0).constraints().get(0)).sourceText());
        Expr.Literal bare = (Expr.Literal) ((ColumnConstraint.Default) dflt.columns().get(1).constraints().get(0))
                .value();
        assertEquals("abc", bare.value());
        assertNull(dflt.columns().get(4).type());
        Stmt.CreateTable as = (Stmt.CreateTable) one("CREATE TEMP TABLE t AS SELECT 1");
        assertTrue(as.temp());
        assertTrue(as.columns().isEmpty());
        Stmt.CreateTable wr = (Stmt.CreateTable) one("CREATE TABLE t(a PRIMARY KEY) WITHOUT ROWID");
        assertTrue(wr.withoutRowid());
        PetrelException e = assertThrows(PetrelException.class, () -> Parser.parseAll("CREATE TABLE t(a) WITHOUT x"));
        assertEquals("unknown table option: x", e.getMessage());
    }

    @Test
    void otherDdl() {
        Stmt.CreateIndex ci = (Stmt.CreateIndex) one("CREATE UNIQUE INDEX IF NOT EXISTS s.i ON t (a DESC, lower(b)) "
                + "WHERE a > 0");
        assertTrue(ci.unique());
        assertEquals("s", ci.schema());
        assertEquals(SortOrder.DESC, ci.columns().get(0).order());
        assertInstanceOf(Expr.FunctionCall.class, ci.columns().get(1).expr());
        Stmt.CreateView cv = (Stmt.CreateView) one("CREATE TEMP VIEW v(a) AS SELECT 1");
        assertEquals(List.of("a"), cv.columns());
        Stmt.CreateTrigger tr = (Stmt.CreateTrigger) one("CREATE TRIGGER tr INSTEAD OF UPDATE OF a, b ON v "
                + "FOR EACH ROW WHEN new.a BEGIN INSERT INTO t VALUES (1); UPDATE t SET a = 2; DELETE FROM t; "
                + "SELECT 1; END");
        assertEquals(Stmt.TriggerTime.INSTEAD_OF, tr.time());
        assertEquals(Stmt.TriggerEvent.UPDATE, tr.event());
        assertEquals(List.of("a", "b"), tr.updateColumns());
        assertEquals(4, tr.body().size());
        assertInstanceOf(Select.class, tr.body().get(3));
        Stmt.CreateVirtualTable vt = (Stmt.CreateVirtualTable) one("CREATE VIRTUAL TABLE f USING fts5(a, "
                + "b UNINDEXED, tokenize = 'porter'  , x(1, 2))");
        assertEquals(List.of("a", "b UNINDEXED", "tokenize = 'porter'", "x(1, 2)"), vt.args());
        assertEquals(Stmt.ObjectKind.VIEW, ((Stmt.Drop) one("DROP VIEW IF EXISTS v")).kind());
        Stmt.AlterTable at = (Stmt.AlterTable) one("ALTER TABLE s.t ADD COLUMN c INT DEFAULT 1");
        assertEquals("c INT DEFAULT 1", ((Stmt.AddColumn) at.action()).sourceText());
        assertInstanceOf(Stmt.RenameColumn.class, ((Stmt.AlterTable) one("ALTER TABLE t RENAME a TO b")).action());
    }

    @Test
    void utilityStatements() {
        assertEquals(Stmt.TransactionMode.EXCLUSIVE, ((Stmt.Begin) one("BEGIN EXCLUSIVE TRANSACTION")).mode());
        assertEquals(Stmt.TransactionMode.CONCURRENT, ((Stmt.Begin) one("BEGIN CONCURRENT")).mode());
        assertInstanceOf(Stmt.Commit.class, one("END TRANSACTION"));
        assertEquals("sp", ((Stmt.Rollback) one("ROLLBACK TRANSACTION TO SAVEPOINT sp")).savepoint());
        assertNull(((Stmt.Rollback) one("ROLLBACK")).savepoint());
        assertEquals("sp", ((Stmt.Release) one("RELEASE sp")).name());
        Stmt.Pragma pr = (Stmt.Pragma) one("PRAGMA main.cache_size = -2000");
        assertEquals("main", pr.schema());
        assertEquals("-2000", pr.value());
        assertEquals("t", ((Stmt.Pragma) one("PRAGMA table_info('t')")).value());
        assertEquals("ON", ((Stmt.Pragma) one("PRAGMA foreign_keys=ON")).value());
        assertNull(((Stmt.Pragma) one("PRAGMA user_version")).value());
        Stmt.Vacuum v = (Stmt.Vacuum) one("VACUUM aux INTO 'x.db'");
        assertEquals("aux", v.schema());
        Stmt.Attach a = (Stmt.Attach) one("ATTACH 'f.db' AS aux");
        assertNull(a.key());
        assertInstanceOf(Stmt.Detach.class, one("DETACH DATABASE aux"));
        Stmt.Reindex ri = (Stmt.Reindex) one("REINDEX nocase");
        assertNull(ri.schema());
        assertEquals("nocase", ri.name());
        assertEquals("t", ((Stmt.Analyze) one("ANALYZE main.t")).name());
        Stmt.Explain ex = (Stmt.Explain) one("EXPLAIN QUERY PLAN SELECT 1");
        assertTrue(ex.queryPlan());
        assertInstanceOf(Select.class, ex.stmt());
    }
}
