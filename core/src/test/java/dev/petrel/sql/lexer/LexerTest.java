package dev.petrel.sql.lexer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexerTest {

    private static List<Token> lex(String sql) {
        return Lexer.tokenize(sql);
    }

    private static Token one(String sql) {
        List<Token> ts = lex(sql);
        assertEquals(2, ts.size(), () -> "expected one token in " + sql + ": " + ts);
        return ts.get(0);
    }

    private static void assertKind(TokenType expected, String sql) {
        Token t = one(sql);
        assertEquals(expected, t.type(), sql);
        assertEquals(sql, t.text());
        assertEquals(0, t.offset());
        assertEquals(sql.length(), t.length());
    }

    @Test
    void offsetsAndTextCoverSource() {
        String sql = "SELECT  a,\n\t\"b c\" -- note\n FROM /* x */ t;";
        List<Token> ts = lex(sql);
        int prevEnd = 0;
        for (Token t : ts) {
            assertTrue(t.offset() >= prevEnd);
            assertEquals(sql.substring(t.offset(), t.end()), t.text());
            prevEnd = t.end();
        }
        assertEquals(TokenType.KEYWORD, ts.get(0).type());
        assertSame(Keyword.SELECT, ts.get(0).keyword());
        assertEquals(8, ts.get(1).offset());
        assertEquals(TokenType.QUOTED_IDENTIFIER, ts.get(3).type());
        assertEquals(TokenType.EOF, ts.get(ts.size() - 1).type());
        assertEquals(sql.length(), ts.get(ts.size() - 1).offset());
    }

    @Test
    void keywordsAreCaseInsensitiveAndIdentifiersAreNot() {
        assertSame(Keyword.SELECT, one("select").keyword());
        assertSame(Keyword.CURRENT_TIMESTAMP, one("Current_Timestamp").keyword());
        assertEquals(TokenType.IDENTIFIER, one("selects").type());
        assertEquals(TokenType.IDENTIFIER, one("true").type());
        assertEquals(TokenType.IDENTIFIER, one("concurrent").type());
        assertEquals(TokenType.IDENTIFIER, one("_x$1").type());
        assertEquals(TokenType.IDENTIFIER, one("\u00e9t\u00e9").type());
        assertEquals(147, Keyword.values().length);
        assertNull(Keyword.lookup("rowid"));
    }

    @Test
    void quotedForms() {
        assertKind(TokenType.STRING, "'it''s'");
        assertKind(TokenType.STRING, "''");
        assertKind(TokenType.QUOTED_IDENTIFIER, "\"a\"\"b\"");
        assertKind(TokenType.BRACKET_IDENTIFIER, "[a b]");
        assertKind(TokenType.BACKTICK_IDENTIFIER, "`a``b`");
        assertKind(TokenType.BLOB, "x'ABcd'");
        assertKind(TokenType.BLOB, "X''");
        assertKind(TokenType.ILLEGAL, "'abc");
        assertKind(TokenType.ILLEGAL, "\"abc");
        assertKind(TokenType.ILLEGAL, "[abc");
        assertKind(TokenType.ILLEGAL, "`abc");
        assertKind(TokenType.ILLEGAL, "x'ABC'");
        assertKind(TokenType.ILLEGAL, "x'GG'");
        assertKind(TokenType.ILLEGAL, "x'AB");
    }

    @Test
    void numbers() {
        assertKind(TokenType.INTEGER, "0");
        assertKind(TokenType.INTEGER, "123");
        assertKind(TokenType.INTEGER, "0x1F");
        assertKind(TokenType.INTEGER, "0XaBc");
        assertKind(TokenType.INTEGER, "1_000_000");
        assertKind(TokenType.INTEGER, "0xFF_FF");
        assertKind(TokenType.FLOAT, "1.5");
        assertKind(TokenType.FLOAT, ".5");
        assertKind(TokenType.FLOAT, "5.");
        assertKind(TokenType.FLOAT, "1e10");
        assertKind(TokenType.FLOAT, "1E+10");
        assertKind(TokenType.FLOAT, "1.5e-3");
        assertKind(TokenType.FLOAT, "1_0.2_5e1_0");
        assertKind(TokenType.ILLEGAL, "12abc");
        assertKind(TokenType.ILLEGAL, "1_");
        assertKind(TokenType.ILLEGAL, "1__0");
        assertKind(TokenType.ILLEGAL, "1_.5");
        assertKind(TokenType.ILLEGAL, "0x");
        assertKind(TokenType.ILLEGAL, "0x1_");
        assertKind(TokenType.ILLEGAL, "1e");
        assertKind(TokenType.ILLEGAL, "1.5x");
        assertEquals(TokenType.ILLEGAL, lex("1e+").get(0).type());
    }

    @Test
    void parameters() {
        assertKind(TokenType.VARIABLE, "?");
        assertKind(TokenType.VARIABLE, "?12");
        assertKind(TokenType.VARIABLE, ":name");
        assertKind(TokenType.VARIABLE, "@name");
        assertKind(TokenType.VARIABLE, "$name");
        assertKind(TokenType.VARIABLE, "$a::b::c");
        assertKind(TokenType.VARIABLE, "$a(bc)");
        assertKind(TokenType.VARIABLE, "#5");
        assertKind(TokenType.ILLEGAL, "$");
        assertKind(TokenType.ILLEGAL, ":");
        assertEquals(TokenType.ILLEGAL, lex("$a(b c)").get(0).type());
        List<Token> ts = lex("?abc");
        assertEquals(TokenType.VARIABLE, ts.get(0).type());
        assertEquals("?", ts.get(0).text());
        assertEquals(TokenType.IDENTIFIER, ts.get(1).type());
    }

    @Test
    void operators() {
        String sql = "|| -> ->> == = != <> <= >= < > << >> & | ~ + - * / % ( ) , . ;";
        TokenType[] expected = {TokenType.CONCAT, TokenType.PTR, TokenType.PTR2, TokenType.EQ, TokenType.EQ,
            TokenType.NE, TokenType.NE, TokenType.LE, TokenType.GE, TokenType.LT, TokenType.GT, TokenType.LSHIFT,
            TokenType.RSHIFT, TokenType.BITAND, TokenType.BITOR, TokenType.BITNOT, TokenType.PLUS, TokenType.MINUS,
            TokenType.STAR, TokenType.SLASH, TokenType.REM, TokenType.LPAREN, TokenType.RPAREN, TokenType.COMMA,
            TokenType.DOT, TokenType.SEMI, TokenType.EOF};
        List<Token> ts = lex(sql);
        assertEquals(expected.length, ts.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], ts.get(i).type(), ts.get(i).text());
        }
        assertKind(TokenType.ILLEGAL, "!");
        assertKind(TokenType.ILLEGAL, "^");
    }

    @Test
    void commentsAndWhitespaceAreSkipped() {
        List<Token> ts = lex("-- only a comment\n/* and another */ \t\r\n\f");
        assertEquals(1, ts.size());
        assertEquals(TokenType.EOF, ts.get(0).type());
        ts = lex("1--2\n-3/*unterminated");
        assertEquals(4, ts.size());
        assertEquals("-", ts.get(1).text());
        assertEquals("3", ts.get(2).text());
    }

    @Test
    void isCompleteFollowsSqlite3Complete() {
        assertTrue(Lexer.isComplete("SELECT 1;"));
        assertTrue(Lexer.isComplete("SELECT 1; -- trailing comment\n"));
        assertTrue(Lexer.isComplete(";"));
        assertTrue(Lexer.isComplete("SELECT 'a;b';"));
        assertFalse(Lexer.isComplete(""));
        assertFalse(Lexer.isComplete("   "));
        assertFalse(Lexer.isComplete("SELECT 1"));
        assertFalse(Lexer.isComplete("SELECT 'a;"));
        assertFalse(Lexer.isComplete("SELECT \"a;"));
        assertFalse(Lexer.isComplete("SELECT 1; /* open"));
        assertFalse(Lexer.isComplete("SELECT 1; SELECT 2"));
        assertFalse(Lexer.isComplete("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;"));
        assertFalse(Lexer.isComplete("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END;"));
        assertTrue(Lexer.isComplete("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;"));
        assertTrue(Lexer.isComplete("create temp trigger t after insert on x begin select 1; end ;"));
        assertTrue(Lexer.isComplete("EXPLAIN CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;"));
        assertTrue(Lexer.isComplete("CREATE TABLE trigger(a);"));
        assertTrue(Lexer.isComplete("SELECT end FROM t;"));
    }
}
