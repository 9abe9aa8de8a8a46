package dev.petrel.record;

/**
 * A collating sequence: how two TEXT values compare. Index records, ORDER BY, comparisons and DISTINCT all use one.
 *
 * <p>SQLite compares TEXT in its database encoding (UTF-8 here), so {@link #BINARY} orders strings by their UTF-8
 * bytes, which is Unicode code point order, not Java's UTF-16 code unit order (the two differ for characters
 * outside the Basic Multilingual Plane against U+E000..U+FFFF). {@link #NOCASE} folds only the 26 ASCII letters,
 * as SQLite's NOCASE does. {@link #RTRIM} ignores trailing spaces (U+0020 only).
 */
public interface Collation {
    /** Compares two non-null strings; negative, zero or positive. */
    int compare(String a, String b);

    /** The name used in SQL ({@code COLLATE name}) and in {@code PRAGMA index_xinfo}. */
    String name();

    /** Code point order: memcmp on UTF-8. */
    Collation BINARY = new Collation() {
        @Override
        public int compare(String a, String b) {
            return compareCodePoints(a, a.length(), b, b.length(), false);
        }

        @Override
        public String name() {
            return "BINARY";
        }
    };

    /** ASCII case-insensitive. */
    Collation NOCASE = new Collation() {
        @Override
        public int compare(String a, String b) {
            return compareCodePoints(a, a.length(), b, b.length(), true);
        }

        @Override
        public String name() {
            return "NOCASE";
        }
    };

    /** Binary, ignoring trailing spaces. */
    Collation RTRIM = new Collation() {
        @Override
        public int compare(String a, String b) {
            int la = a.length();
            while (la > 0 && a.charAt(la - 1) == ' ') {
                la--;
            }
            int lb = b.length();
            while (lb > 0 && b.charAt(lb - 1) == ' ') {
                lb--;
            }
            return compareCodePoints(a, la, b, lb, false);
        }

        @Override
        public String name() {
            return "RTRIM";
        }
    };

    /**
     * A collation known only by name: one the schema names (a column's or an index's {@code COLLATE X}) that is not
     * built in. Collations other than the built-ins belong to a connection (application-defined,
     * {@code sqlite3_create_collation}), while the schema is shared by every connection of a database, so the schema
     * keeps the name and the code generator binds it to the compiling connection's collation of that name. A
     * statement that would compare under a name its connection does not define fails to prepare with
     * {@code no such collation sequence: X}, SQLITE_ERROR_MISSING_COLLSEQ; {@link #compare} raises the same error,
     * should an unbound one ever be reached.
     */
    record Unresolved(String name) implements Collation {
        @Override
        public int compare(String a, String b) {
            throw missing(name);
        }

        /** SQLite's error for a collation no one defined. */
        public static dev.petrel.api.PetrelException missing(String name) {
            return new dev.petrel.api.PetrelException(dev.petrel.api.ResultCode.ERROR_MISSING_COLLSEQ,
                    "no such collation sequence: " + name);
        }
    }

    /**
     * An application-defined collation: {@code order} compares two non-null strings, under {@code name}.
     */
    static Collation of(String name, java.util.Comparator<String> order) {
        return new Collation() {
            @Override
            public int compare(String a, String b) {
                return order.compare(a, b);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** The built-in collation with this name (case-insensitive), or null. */
    static Collation builtin(String name) {
        if (name.equalsIgnoreCase("BINARY")) {
            return BINARY;
        }
        if (name.equalsIgnoreCase("NOCASE")) {
            return NOCASE;
        }
        if (name.equalsIgnoreCase("RTRIM")) {
            return RTRIM;
        }
        return null;
    }

    /**
     * Compares the first {@code la} chars of {@code a} with the first {@code lb} of {@code b} in code point order,
     * optionally folding ASCII letters. Shorter strings that are a prefix of the other sort first.
     */
    static int compareCodePoints(String a, int la, String b, int lb, boolean foldAscii) {
        int n = Math.min(la, lb);
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca == cb) {
                continue;
            }
            if (foldAscii) {
                if (ca >= 'A' && ca <= 'Z') {
                    ca = (char) (ca + 32);
                }
                if (cb >= 'A' && cb <= 'Z') {
                    cb = (char) (cb + 32);
                }
                if (ca == cb) {
                    continue;
                }
            }
            // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF: they sort after U+E000..U+FFFF.
            boolean sa = Character.isSurrogate(ca);
            boolean sb = Character.isSurrogate(cb);
            if (sa != sb) {
                return sa ? 1 : -1;
            }
            return ca - cb;
        }
        return Integer.compare(la, lb);
    }
}
