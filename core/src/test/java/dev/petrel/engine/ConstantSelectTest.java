package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.Petrel;
import dev.petrel.api.ColumnType;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.api.Statement;
import org.junit.jupiter.api.Test;

/** The foundation pipeline: prepare / bind / step / column access on constant SELECTs. */
class ConstantSelectTest {
    @Test
    void selectsLiteralsAndArithmetic() {
        try (Database db = Petrel.openMemory(); Connection c = db.connect();
             Statement s = c.prepare("select 1+1 as x, 'a' || 'b', 7/2, 7.0/2, 1/0, -9223372036854775807 - 10, x'0aff'")) {
            assertTrue(s.step());
            assertEquals(7, s.columnCount());
            assertEquals("x", s.columnName(0));
            assertEquals("'a' || 'b'", s.columnName(1));
            assertEquals(2L, s.columnValue(0));
            assertEquals("ab", s.columnValue(1));
            assertEquals(3L, s.columnValue(2));
            assertEquals(3.5, s.columnValue(3));
            assertEquals(ColumnType.NULL, s.columnType(4));
            assertEquals(ColumnType.FLOAT, s.columnType(5));
            assertArrayEquals(new byte[] {10, -1}, (byte[]) s.columnValue(6));
            assertFalse(s.step());
            s.reset();
            assertTrue(s.step());
        }
    }

    @Test
    void bindsPositionalAndNamedParameters() {
        try (Database db = Petrel.openMemory(); Connection c = db.connect();
             Statement s = c.prepare("select ? + 1, :name, ?5")) {
            assertEquals(5, s.parameterCount());
            assertEquals(2, s.parameterIndex(":name"));
            s.bind(1, 41);
            s.bind(2, "hi");
            s.bind(5, 2.5);
            assertTrue(s.step());
            assertEquals(42L, s.columnLong(0));
            assertEquals("hi", s.columnText(1));
            assertEquals(2.5, s.columnDouble(2));
        }
    }

    @Test
    void syntaxErrorsAreWordedAsSqlite() {
        try (Database db = Petrel.openMemory(); Connection c = db.connect()) {
            PetrelException e = assertThrows(PetrelException.class, () -> c.prepare("select 1 +"));
            assertEquals(ResultCode.ERROR, e.code());
            assertEquals("incomplete input", e.getMessage());
            e = assertThrows(PetrelException.class, () -> c.prepare("select 1 2 3"));
            assertEquals("near \"2\": syntax error", e.getMessage());
            assertEquals("select 1 2 3".indexOf('2'), e.errorOffset(), "sqlite3_error_offset of the token");
        }
    }
}
