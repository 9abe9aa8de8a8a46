package dev.petrel.vm;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.btree.BtCursor;
import dev.petrel.func.FunctionContext;
import dev.petrel.record.Collation;
import dev.petrel.record.RecordEncoder;
import dev.petrel.value.Affinity;
import dev.petrel.value.NumericText;

/** Handlers for the larger opcode bodies of {@link Vm#exec}: halts, integer conversion, rowid seeks, logic. */
final class ControlOps {
    private ControlOps() {
    }

    /** Cookie number of the schema cookie in ReadCookie/SetCookie (SQLite's BTREE_SCHEMA_VERSION). */
    static final int COOKIE_SCHEMA = 1;

    /** The exception of a Halt with a non-zero result code {@code rc} (an extended code number). */
    static PetrelException haltError(int rc, String message) {
        ResultCode code = ResultCode.fromCode(rc);
        return new PetrelException(code == null ? ResultCode.ERROR : code, message);
    }

    /** The value as an INTEGER if it is one without loss (as MustBeInt / SeekRowid), else null. */
    static Object toExactInteger(Object v) {
        if (v instanceof Long) {
            return v;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            long l = (long) d;
            return (double) l == d && d > -9.3e18 && d < 9.3e18 ? (Object) l : null;
        }
        if (v instanceof String) {
            Object n = NumericText.wholeNumber((String) v);
            return n == null ? null : toExactInteger(n);
        }
        return null;
    }

    static Long and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return 0L;
        }
        return a == null || b == null ? null : (Long) 1L;
    }

    static Long or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return 1L;
        }
        return a == null || b == null ? null : (Long) 0L;
    }

    static boolean hasNull(Object[] key) {
        for (Object o : key) {
            if (o == null) {
                return true;
            }
        }
        return false;
    }

    /** For DISTINCT aggregates: true the first time {@code args} are seen by ephemeral index {@code seen}. */
    static boolean firstSight(VdbeCursor seen, Object[] args) {
        if (seen.seek(args, BtCursor.GE) && seen.compareKey(args) == 0 && seen.fieldCount() == args.length) {
            return false;
        }
        seen.insertKey(RecordEncoder.encode(args));
        return true;
    }

    /** A comparison operand after the comparison affinity (numeric affinity touches only text). */
    static Object comparisonAffinity(Affinity aff, Object v) {
        if (aff == Affinity.BLOB || aff == Affinity.NONE) {
            return v;
        }
        if (aff.isNumeric()) {
            return v instanceof String ? Affinity.NUMERIC.apply(v) : v;
        }
        return aff.apply(v);
    }

    /**
     * A SeekGE/GT/LE/LT on a rowid table with a key of any type: a REAL key is rounded towards the side the
     * operator keeps, text that is not a number sorts after every rowid, NULL finds nothing.
     */
    static boolean seekRowid(VdbeCursor c, Object key, int op) {
        if (key instanceof String) {
            Object n = NumericText.wholeNumber((String) key);
            key = n != null ? n : key;
        }
        if (key == null) {
            return false;
        }
        if (key instanceof String || key instanceof byte[]) {
            // Every rowid is smaller than any text or blob.
            return op == BtCursor.LE || op == BtCursor.LT ? c.last() : false;
        }
        if (key instanceof Double) {
            double d = (Double) key;
            if (d >= 9.223372036854775807E18) {
                return op == BtCursor.LE || op == BtCursor.LT ? c.last() : false;
            }
            if (d < -9.223372036854775808E18) {
                return op == BtCursor.GE || op == BtCursor.GT ? c.first() : false;
            }
            long f = (long) Math.floor(d);
            if (f != d) {
                switch (op) {
                    case BtCursor.GE:
                    case BtCursor.GT:
                        return c.seekRowid(f, BtCursor.GT);
                    default:
                        return c.seekRowid(f, BtCursor.LE);
                }
            }
            key = f;
        }
        return c.seekRowid((Long) key, op);
    }

    /** A function context that reports a collation (min/max/nullif over collated arguments). */
    static final class CollatedContext implements FunctionContext {
        private final FunctionContext base;
        private final Collation collation;

        CollatedContext(FunctionContext base, Collation collation) {
            this.base = base;
            this.collation = collation;
        }

        @Override
        public long lastInsertRowid() {
            return base.lastInsertRowid();
        }

        @Override
        public long changes() {
            return base.changes();
        }

        @Override
        public long totalChanges() {
            return base.totalChanges();
        }

        @Override
        public long nextRandomLong() {
            return base.nextRandomLong();
        }

        @Override
        public long nowEpochMillis() {
            return base.nowEpochMillis();
        }

        @Override
        public boolean caseSensitiveLike() {
            return base.caseSensitiveLike();
        }

        @Override
        public Collation collation() {
            return collation;
        }
    }
}
