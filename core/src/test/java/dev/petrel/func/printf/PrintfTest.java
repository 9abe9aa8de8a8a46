package dev.petrel.func.printf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;

import org.junit.jupiter.api.Test;

/** Pinned examples of SQLite 3.53's printf (each value read from real SQLite). */
class PrintfTest {
    private static Object sql(Object... args) {
        return Printf.format(args);
    }

    @Test
    void integers() {
        assertEquals("0x0ff|010|0xff|0XFF|5|5| 5|+5|+005|00000005|00000005|-0000005|0|0",
                sql("%#.3x|%#o|%#x|%#X|%#d|%+x|% d|%+d|%+.3d|%08.3d|%-08d|%08d|%.0d|%.0x", 255L, 8L, 255L, 255L, 5L,
                        5L, 5L, 5L, 5L, 5L, 5L, -5L, 0L, 0L));
        assertEquals("ffffffffffffffff|1777777777777777777777|18446744073709551615|ffffffffffffff01",
                sql("%x|%o|%u|%x", -1L, -1L, -1L, -255L));
        assertEquals("1,234,567.50|0,001,234,567|+1,234,567", sql("%,.2f|%,010d|%,+d", 1234567.5, 1234567L,
                1234567L));
        assertEquals("0x000000ff|000000010", sql("%#08x|%#08o", 255L, 8L));
        assertEquals("0x1549C", sql("%#p", 87196L));
        assertEquals("8000000000000000", Printf.unsignedDigits(Long.MIN_VALUE, 16, false));
    }

    @Test
    void floats() {
        assertEquals("0.10000000000000000000", sql("%.20f", 0.1));
        assertEquals("3.3333333333333330000000000e-01", sql("%.25e", 1.0 / 3));
        assertEquals("1|2|3|2.67|0.3", sql("%.0f|%.0f|%.0f|%.2f|%.1f", 0.5, 1.5, 2.5, 2.675, 0.25));
        assertEquals("100000|1e+06|1.00000|1.0|1.0", sql("%g|%g|%#g|%!g|%!.3g", 100000L, 1000000L, 1.0, 1.0, 1.0));
        assertEquals("3|3e+00|3.|3.e+00|+1.50   |-0001.50| 0001.50|-1.250e+01",
                sql("%.0g|%.0e|%#.0f|%#.0e|%-+8.2f|%08.2f|% 08.2f|%010.3e", 2.5, 2.5, 2.5, 2.5, 1.5, -1.5, 1.5,
                        -12.5));
        assertEquals("-0.0|-0|0.0", sql("%.1f|%.0f|%#.1f", -0.01, -0.4, -0.01));
        assertEquals("Inf|+Inf|-Inf|9e+999", sql("%e|%+e|%g|%0g", Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertEquals("-799.93000000000000000", sql("%.17f", -799.93));
        assertEquals("7.999299999999999e+02", sql("%.15e", 799.93));
        assertEquals("2.5|3.0|2.5e+00", sql("%!.20f|%!.0f|%!e", 2.5, 2.5, 2.5));
    }

    @Test
    void strings() {
        assertEquals("  abc|abc  |ab|    a|", sql("%5s|%-5s|%.2s|%5.1s|", "abc", "abc", "abc", "abc"));
        assertEquals("it''s|'it''s'|a\"\"b|NULL", sql("%q|%Q|%w|%Q", "it's", "it's", "a\"b", null));
        assertEquals("NU|(N|'abc'", sql("%.2Q|%.2q|%.3Q", null, null, "abcdef"));
        assertEquals("    a|a    |a|aaa| aa", sql("%5c|%-5c|%.0c|%.3c|%3.2c", "ab", "ab", "ab", "ab", "ab"));
        assertEquals("   é|    é|hél", sql("%5s|%!5s|%!.3s", "é", "é", "héllo"));
        assertEquals("1|2.5|abc", sql("%s|%s|%s", 1L, 2.5, new byte[] {'a', 'b', 'c'}));
        assertEquals("0|0.000000||(NULL)|NULL|0", sql("%d|%f|%s|%q|%Q|%x"));
    }

    @Test
    void endOfOutputRules() {
        assertNull(sql(""));
        assertNull(sql("%y", 1L));
        assertNull(sql("%5"));
        assertEquals("ab", sql("ab%l"));
        assertEquals("%", sql("%"));
        assertEquals("abc%", sql("abc%"));
        assertEquals("5|5|ff|", sql("%lld|%ld|%llx|%hd|%jd", 5L, 5L, 255L, 5L, 5L));
        assertEquals(" 5", sql("%n %d", 5L));
        assertEquals("    %|%    |x", sql("%5.2%|%-5%|x"));
        assertEquals("   42|42   |42   |3.14|ab", sql("%*d|%-*d|%*d|%.*f|%.*s", 5L, 42L, 5L, 42L, -5L, 42L, 2L,
                3.14159, 2L, "abcdef"));
        assertEquals("1.500", sql("%.*f", -3L, 1.5));
    }

    @Test
    void tooBigResultsFailLikeSqlite() {
        PetrelException e = assertThrows(PetrelException.class, () -> sql("%1000000001d", 1L));
        assertEquals(ResultCode.TOOBIG, e.code());
        assertThrows(PetrelException.class, () -> sql("%.2000000000f", 1.0));
        assertThrows(PetrelException.class, () -> sql("%.2000000000c", "x"));
        assertEquals(1002, ((String) sql("%.1000f", 1.0)).length());
    }

    @Test
    void textConversionsOfArguments() {
        assertEquals("12|0|7|5.000000|9223372036854775807|-9223372036854775808|Inf",
                sql("%d|%d|%d|%f|%d|%d|%f", "  12  ", "-0x10", " +7e2xyz", ".5e1", "9223372036854775808",
                        -1e19, "1e400"));
        assertEquals("0.30000000000000004|1.0e+100|100.0|1.0e+17|10000000000000000.0|0.33333333333333332",
                sql("%s|%s|%s|%s|%s|%s", 0.1 + 0.2, 1e100, 100.0, 1e17, 1e16, 1.0 / 3));
    }
}
