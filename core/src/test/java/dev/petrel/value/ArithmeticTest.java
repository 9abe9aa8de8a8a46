package dev.petrel.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.BinaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Arithmetic, bit and concatenation operators against SQLite with bound operands. */
class ArithmeticTest {
    private static SqliteOracle oracle;

    @BeforeAll
    static void open() {
        oracle = new SqliteOracle();
    }

    @AfterAll
    static void close() {
        oracle.close();
    }

    @Test
    void documentedRules() {
        assertEquals(9.223372036854775807E18, Arithmetic.add(Long.MAX_VALUE, 1L));
        assertEquals(2L, Arithmetic.divide(5L, 2L));
        assertNull(Arithmetic.divide(5L, 0L));
        assertNull(Arithmetic.remainder(5.0, 0.5));
        assertEquals(1.0, Arithmetic.remainder(5.5, 2L));
        assertEquals(9.223372036854775807E18, Arithmetic.negate(Long.MIN_VALUE));
        assertEquals(0L, Arithmetic.shiftLeft(1L, 64L));
        assertEquals(-1L, Arithmetic.shiftRight(-8L, 70L));
        assertNull(Arithmetic.subtract(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertEquals(null, Arithmetic.multiplyExact(Long.MIN_VALUE, -1));
        assertEquals(Long.MIN_VALUE, (long) Arithmetic.multiplyExact(Long.MIN_VALUE, 1));
    }

    @Test
    void binaryOperatorsMatchSqlite() {
        long seed = 0xA717L;
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        int n = 900 * ValueGen.scale();
        String[] ops = {"+", "-", "*", "/", "%", "&", "|", "<<", ">>", "||"};
        BinaryOperator<Object>[] impls = ops();
        for (int k = 0; k < ops.length; k++) {
            BinaryOperator<Object> f = impls[k];
            boolean shift = ops[k].contains("<") || ops[k].contains(">");
            diff.run("? " + ops[k] + " ?", n,
                    () -> new Object[] {gen.any(), shift && gen.random().nextBoolean()
                            ? (Object) (long) (gen.random().nextInt(140) - 70) : gen.any()},
                    a -> f.apply(a[0], a[1]));
            // Numbers only, where overflow and exactness matter most.
            diff.run("? " + ops[k] + " ?", n, () -> new Object[] {gen.anyNumber(), gen.anyNumber()},
                    a -> f.apply(a[0], a[1]));
        }
        diff.assertNoFailures(seed);
    }

    @SuppressWarnings("unchecked")
    private static BinaryOperator<Object>[] ops() {
        return new BinaryOperator[] {Arithmetic::add, Arithmetic::subtract, Arithmetic::multiply,
            Arithmetic::divide, Arithmetic::remainder, Arithmetic::bitAnd, Arithmetic::bitOr, Arithmetic::shiftLeft,
            Arithmetic::shiftRight, Arithmetic::concat};
    }

    @Test
    void unaryOperatorsMatchSqlite() {
        long seed = 0x0E6AL;
        ValueGen gen = new ValueGen(seed);
        Differential diff = new Differential(oracle);
        int n = 1500 * ValueGen.scale();
        diff.run("-?", n, () -> new Object[] {gen.any()}, a -> Arithmetic.negate(a[0]));
        diff.run("~?", n, () -> new Object[] {gen.any()}, a -> Arithmetic.bitNot(a[0]));
        diff.run("+?", n, () -> new Object[] {gen.any()}, a -> Arithmetic.plus(a[0]));
        diff.assertNoFailures(seed);
    }
}
