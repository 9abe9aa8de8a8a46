package dev.petrel.sql.parser;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.ResultColumn;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SelectBody;
import dev.petrel.sql.ast.Stmt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser's entry points, statement ranges, error offsets and the printer's quoting. */
class ParserApiTest {

    private static PetrelException error(String sql) {
        return assertThrows(PetrelException.class, () -> Parser.parseAll(sql), sql);
    }

    @Test
    void statementsComeOneAtATimeWithRanges() {
        String sql = "  SELECT 1 ;\n-- c\nINSERT INTO t VALUES (?) ;;  CREATE TABLE x(a)";
        Parser p = new Parser(sql);
        ParsedStatement a = p.nextStatement();
        assertInstanceOf(Select.class, a.stmt());
        assertEquals(2, a.start());
        assertEquals("SELECT 1", sql.substring(a.start(), a.end()));
        assertEquals(sql.indexOf(';') + 1, a.tailOffset());
        assertEquals(0, a.paramCount());
        ParsedStatement b = p.nextStatement();
        assertEquals("INSERT INTO t VALUES (?)", sql.substring(b.start(), b.end()));
        assertEquals(1, b.paramCount());
        Stmt c = p.next();
        assertEquals("CREATE TABLE x(a)", ((Stmt.CreateTable) c).sourceText());
        assertEquals(sql.length(), p.tailOffset());
        assertNull(p.next());
        assertNull(p.nextStatement());
    }

    @Test
    void statementsBeforeAnErrorAreReturned() {
        Parser p = new Parser("SELECT 1; SELECT FROM t; SELECT 3");
        assertInstanceOf(Select.class, p.next());
        PetrelException e = assertThrows(PetrelException.class, p::next);
        assertEquals("near \"FROM\": syntax error", e.getMessage());
        assertEquals(17, SqlSyntaxError.offsetOf(e));
    }

    @Test
    void emptyInput() {
        assertEquals(List.of(), Parser.parseAll(""));
        assertEquals(List.of(), Parser.parseAll(" ; ;; -- nothing\n /* here */"));
        assertEquals("incomplete input", assertThrows(PetrelException.class, () -> Parser.parseOne(";")).getMessage());
        PetrelException two = assertThrows(PetrelException.class, () -> Parser.parseOne("SELECT 1; SELECT 2"));
        assertEquals("near \"SELECT\": syntax error", two.getMessage());
        assertEquals(10, SqlSyntaxError.offsetOf(two));
        assertInstanceOf(Select.class, Parser.parseOne("SELECT 1;;"));
    }

    @Test
    void errorsPointAtTheOffendingToken() {
        PetrelException e = error("SELECT * FROM t WHERE");
        assertEquals("incomplete input", e.getMessage());
        assertEquals(ResultCode.ERROR, e.code());
        assertEquals(21, SqlSyntaxError.offsetOf(e));
        e = error("SELECT a FROM FROM");
        assertEquals("near \"FROM\": syntax error", e.getMessage());
        assertEquals(14, SqlSyntaxError.offsetOf(e));
        e = error("select a from t whre x");
        assertEquals("near \"x\": syntax error", e.getMessage());
        assertEquals(21, SqlSyntaxError.offsetOf(e));
        e = error("SELECT 'abc");
        assertEquals("unrecognized token: \"'abc\"", e.getMessage());
        assertEquals(7, SqlSyntaxError.offsetOf(e));
        e = error("SELECT 1 FROM t WHERE a = 'it''s' AND b = 'x");
        assertEquals("unrecognized token: \"'x\"", e.getMessage());
        e = error("SELECT * FROM t AS x JOIN u ON x.a = u.a WHERE x.b = 'y' ORDER BY");
        assertEquals("incomplete input", e.getMessage());
        e = error("CREATE TABLE t(a INT, b TEXT,)");
        assertEquals("near \")\": syntax error", e.getMessage());
        assertEquals(29, SqlSyntaxError.offsetOf(e));
        assertEquals(-1, SqlSyntaxError.offsetOf(PetrelException.error("other")));
    }

    @Test
    void nodesCarryTheirSourceOffsets() {
        String sql = "SELECT a + b, f(c) FROM t WHERE x IN (1)";
        SelectBody.Core c = (SelectBody.Core) ((Select) Parser.parseOne(sql)).body();
        Expr.Binary plus = (Expr.Binary) ((ResultColumn.Item) c.columns().get(0)).expr();
        assertEquals(sql.indexOf('+'), plus.pos());
        assertEquals(sql.indexOf('a'), plus.left().pos());
        assertEquals(sql.indexOf("b,"), plus.right().pos());
        assertEquals(sql.indexOf("f("), ((ResultColumn.Item) c.columns().get(1)).expr().pos());
        assertEquals(sql.indexOf(" t ") + 1, c.from().pos());
        assertEquals(sql.indexOf("IN"), c.where().pos());
        Stmt.CreateTrigger tr = (Stmt.CreateTrigger) Parser.parseOne(
                "create trigger main.tr after delete on t begin delete from u; end;");
        assertEquals("create trigger main.tr after delete on t begin delete from u; end", tr.sourceText());
        assertEquals(20, tr.nameOffset());
    }

    @Test
    void printerQuotesNamesOnlyWhenNeeded() {
        assertEquals("abc", SqlPrinter.quoteName("abc"));
        assertEquals("\"select\"", SqlPrinter.quoteName("select"));
        assertEquals("\"a b\"", SqlPrinter.quoteName("a b"));
        assertEquals("\"a\"\"b\"", SqlPrinter.quoteName("a\"b"));
        assertEquals("\"\"", SqlPrinter.quoteName(""));
        assertEquals("\"1a\"", SqlPrinter.quoteName("1a"));
        assertEquals("\"true\"", SqlPrinter.quoteName("true"));
        assertEquals("'it''s'", SqlPrinter.quoteString("it's"));
        String[] tricky = {"CREATE TABLE \"a\"\"b\"(\"\" INT, [x y] TEXT, `z``` BLOB, \"\u00e9\")",
            "SELECT \"a\"\"b\", [select], `from`, \"\" FROM \"t t\"",
            "SELECT \"x\" FROM t WHERE \"y\" = 'y'",
            "PRAGMA \"weird name\" = 'some value'", "PRAGMA x = 'ON'", "PRAGMA x(-1.5)",
            "SELECT - -1, - - 1, -(-1), +-1, ~-1, 1 - -1, 1--1\n",
            "SELECT -9223372036854775808, - -9223372036854775808, 1 - -9223372036854775808"};
        for (String sql : tricky) {
            for (Stmt s : Parser.parseAll(sql)) {
                String printed = SqlPrinter.print(s);
                assertNull(AstEquality.diff(s, Parser.parseOne(printed)), printed);
            }
        }
        assertEquals("SELECT \"x\" FROM t WHERE \"y\" = 'y'",
                SqlPrinter.print(Parser.parseOne("SELECT \"x\" FROM t WHERE \"y\" = 'y'")));
        assertEquals("SELECT 1 + 2 * 3, (1 + 2) * 3, a - (b - c), NOT (a AND b), -(a + b)",
                SqlPrinter.print(Parser.parseOne("SELECT 1+2*3, (1+2)*3, a-(b-c), NOT(a AND b), -(a+b)")));
        assertTrue(SqlPrinter.print(Parser.parseOne("SELECT 1 -- c\n")).equals("SELECT 1"));
    }
}
