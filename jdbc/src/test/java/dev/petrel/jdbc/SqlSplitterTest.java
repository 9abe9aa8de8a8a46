package dev.petrel.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Statement splitting and the sqlite3_complete rules. */
class SqlSplitterTest {
    @Test
    void completeStatementsEndWithATopLevelSemicolon() {
        assertTrue(SqlSplitter.isComplete("select 1;"));
        assertTrue(SqlSplitter.isComplete("select 1; -- trailing comment"));
        assertTrue(SqlSplitter.isComplete("select 1; select 2;  \n"));
        assertFalse(SqlSplitter.isComplete("select 1"));
        assertFalse(SqlSplitter.isComplete("select 1; select 2"));
        assertFalse(SqlSplitter.isComplete("select ';'"));
        assertFalse(SqlSplitter.isComplete("select \"a;b\""));
        assertFalse(SqlSplitter.isComplete("select [a;b]"));
        assertFalse(SqlSplitter.isComplete("select `a;b`"));
        assertFalse(SqlSplitter.isComplete("select 1 -- ;"));
        assertFalse(SqlSplitter.isComplete("select 1 /* ; */"));
        assertFalse(SqlSplitter.isComplete("select 'it''s;"));
        assertFalse(SqlSplitter.isComplete(""));
        assertFalse(SqlSplitter.isComplete("select 1; /* open"));
        assertTrue(SqlSplitter.isComplete("select 1; /* closed */"));
    }

    @Test
    void triggerBodiesNeedSemicolonEndSemicolon() {
        String head = "create trigger tr after insert on t begin insert into u values(1);";
        assertFalse(SqlSplitter.isComplete(head));
        assertFalse(SqlSplitter.isComplete(head + " update u set a = case when 1 then 2 end;"));
        assertTrue(SqlSplitter.isComplete(head + " end;"));
        assertTrue(SqlSplitter.isComplete("CREATE TEMP TRIGGER tr BEFORE DELETE ON t BEGIN SELECT 1; END;"));
        assertTrue(SqlSplitter.isComplete("explain create trigger tr after insert on t begin select 1; end;"));
        assertTrue(SqlSplitter.isComplete("create table trigger(x);"));
    }

    @Test
    void splitKeepsSemicolonsAndSkipsEmptyStatements() {
        assertEquals(Arrays.asList("select 1;", " select 'a;b';", " select 3"),
                SqlSplitter.split("select 1; select 'a;b'; ; -- c\n; select 3"));
        assertEquals(Arrays.asList("create trigger x after insert on t begin select 1; end;", " select 2;"),
                SqlSplitter.split("create trigger x after insert on t begin select 1; end; select 2;"));
        assertTrue(SqlSplitter.split("  ;; -- only a comment").isEmpty());
    }

    @Test
    void endOfStatementPositions() {
        String sql = "select 1; select 2";
        assertEquals(9, SqlSplitter.endOfStatement(sql, 0));
        assertEquals(-1, SqlSplitter.endOfStatement(sql, 9));
        assertEquals(-1, SqlSplitter.endOfStatement("select /* open", 0));
    }
}
