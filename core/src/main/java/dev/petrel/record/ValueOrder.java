package dev.petrel.record;

/**
 * The total order SQLite uses for stored values when it sorts and compares keys (no affinity applied).
 *
 * <p>Values are plain Java objects, the storage-value model of all of Petrel:
 * {@code null} (NULL), {@link Long} (INTEGER), {@link Double} (REAL), {@link String} (TEXT) and {@code byte[]}
 * (BLOB). The order is: NULL &lt; INTEGER/REAL (compared numerically, exactly, even between a 64-bit integer and a
 * double) &lt; TEXT (by a collation) &lt; BLOB (memcmp, then length).
 */
public final class ValueOrder {
    private ValueOrder() {
    }

    /** The storage-class rank used to order values of different classes: 0 NULL, 1 numeric, 2 TEXT, 3 BLOB. */
    public static int classRank(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Long || v instanceof Double) {
            return 1;
        }
        if (v instanceof String) {
            return 2;
        }
        return 3;
    }

    /** Compares two storage values; text with {@code collation}. */
    public static int compare(Object a, Object b, Collation collation) {
        int ra = classRank(a);
        int rb = classRank(b);
        if (ra != rb) {
            return ra - rb;
        }
        switch (ra) {
            case 0:
                return 0;
            case 1:
                return compareNumbers(a, b);
            case 2:
                return collation.compare((String) a, (String) b);
            default:
                return compareBlobs((byte[]) a, (byte[]) b);
        }
    }

    /** Compares two numeric values (Long or Double) exactly. */
    public static int compareNumbers(Object a, Object b) {
        if (a instanceof Long) {
            long la = (Long) a;
            if (b instanceof Long) {
                return Long.compare(la, (Long) b);
            }
            return compareLongDouble(la, (Double) b);
        }
        double da = (Double) a;
        if (b instanceof Long) {
            return -compareLongDouble((Long) b, da);
        }
        return Double.compare(da, (Double) b) == 0 ? 0 : (da < (Double) b ? -1 : (da > (Double) b ? 1 : 0));
    }

    /** Exact comparison of a 64-bit integer with a double (no rounding of the integer). */
    public static int compareLongDouble(long l, double d) {
        if (Double.isNaN(d)) {
            return 1;
        }
        if (d >= 9.223372036854775807E18) {
            return -1;
        }
        if (d < -9.223372036854775808E18) {
            return 1;
        }
        long dl = (long) d;
        if (l != dl) {
            return l < dl ? -1 : 1;
        }
        double frac = d - (double) dl;
        return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
    }

    /** memcmp order, shorter first on a common prefix. */
    public static int compareBlobs(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int x = a[i] & 0xff;
            int y = b[i] & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
