package dev.petrel.record;

import dev.petrel.api.PetrelException;

/**
 * Compares two encoded records field by field in place, without decoding them into value objects: the order of
 * {@link ValueOrder} under a collation, a direction and a NULL position per field (the sorter's and an index's
 * key order). Sorting and sorted index builds compare each key about log2(n) times, so decoding every key (a
 * String per text field) dominated them.
 *
 * <p>In place: integers and reals are read as primitives; blobs by memcmp; UTF-8 text under the built-in
 * collations by bytes (BINARY is memcmp on UTF-8, which is code point order; NOCASE folds the ASCII letters;
 * RTRIM drops trailing spaces first). Text that is not valid UTF-8 (a cast blob), text in UTF-16, and any other
 * collation are decoded and compared as {@link ValueOrder#compare} does, so the result is always the one of
 * decoding both records and comparing the values.
 *
 * <p>Fields past the end of a record's header read as NULL, as {@link Record#column} does (the sorter), or end
 * the comparison with 0 when {@code stopAtShorter} (an index, as {@link IndexKey#compareRecord}). Immutable.
 */
public final class RecordComparator {
    private final Collation[] collations;
    private final boolean[] desc;
    private final boolean[] nullsLast;
    private final int fields;
    private final boolean stopAtShorter;

    /**
     * @param collations per field, null meaning BINARY; fields past the array compare BINARY
     * @param desc per field, descending; fields past the array ascend
     * @param nullsLast per field, whether NULL sorts after the other values (after direction is applied);
     *     fields past the array put NULL where the direction does (first ascending, last descending)
     * @param fields how many leading fields to compare at most
     * @param stopAtShorter whether the comparison ends (equal) at the end of the shorter record's header
     */
    public RecordComparator(Collation[] collations, boolean[] desc, boolean[] nullsLast, int fields,
                            boolean stopAtShorter) {
        this.collations = collations.clone();
        this.desc = desc.clone();
        this.nullsLast = nullsLast.clone();
        this.fields = fields;
        this.stopAtShorter = stopAtShorter;
    }

    private Collation collation(int i) {
        return i < collations.length && collations[i] != null ? collations[i] : Collation.BINARY;
    }

    private boolean isDesc(int i) {
        return i < desc.length && desc[i];
    }

    /** Sign of (a - b) over the leading fields of UTF-8 records {@code a[0..aLen)} and {@code b[0..bLen)}. */
    public int compare(byte[] a, int aLen, byte[] b, int bLen) {
        return compare(a, aLen, b, bLen, TextEncoding.UTF8);
    }

    /** Sign of (a - b) for records whose text is in {@code encoding}. */
    public int compare(byte[] a, int aLen, byte[] b, int bLen, int encoding) {
        if (fields == 0) {
            return 0;
        }
        // Per record: the next header byte, the header end and the next field's content offset.
        int ha = headerSize(a, aLen);
        int hb = headerSize(b, bLen);
        int pa = Varint.sizeAt(a, 0, Math.min(Varint.MAX_BYTES, aLen));
        int pb = Varint.sizeAt(b, 0, Math.min(Varint.MAX_BYTES, bLen));
        int oa = ha;
        int ob = hb;
        for (int i = 0; i < fields; i++) {
            if (pa >= ha && pb >= hb || stopAtShorter && (pa >= ha || pb >= hb)) {
                return 0;
            }
            long ta = SerialType.NULL;
            long tb = SerialType.NULL;
            int sa = 0;
            int sb = 0;
            if (pa < ha) {
                ta = a[pa] >= 0 ? a[pa] : Varint.read(a, pa, ha);
                pa += a[pa] >= 0 ? 1 : Varint.sizeAt(a, pa, ha);
                sa = fieldSize(ta, oa, aLen, i);
            }
            if (pb < hb) {
                tb = b[pb] >= 0 ? b[pb] : Varint.read(b, pb, hb);
                pb += b[pb] >= 0 ? 1 : Varint.sizeAt(b, pb, hb);
                sb = fieldSize(tb, ob, bLen, i);
            }
            int c = compareField(i, ta, a, oa, sa, tb, b, ob, sb, encoding);
            if (c != 0) {
                return c;
            }
            oa += sa;
            ob += sb;
        }
        return 0;
    }

    private static int headerSize(byte[] r, int len) {
        if (len == 0) {
            return 0;
        }
        int first = Math.min(Varint.MAX_BYTES, len);
        long h = r[0] >= 0 ? r[0] : Varint.read(r, 0, first);
        int hLen = r[0] >= 0 ? 1 : Varint.sizeAt(r, 0, first);
        if (h < hLen || h > len || h > Record.MAX_HEADER_BYTES) {
            throw PetrelException.corrupt(0, "record header size " + h + " of a " + len + "-byte payload");
        }
        return (int) h;
    }

    private static int fieldSize(long t, int off, int len, int i) {
        long size = SerialType.sizeOf(t);
        if (off + size > len) {
            throw PetrelException.corrupt(0, "record column " + i + " ends past the payload");
        }
        return (int) size;
    }

    /** Storage class rank of a serial type: 0 NULL, 1 numeric, 2 TEXT, 3 BLOB (as {@link ValueOrder#classRank}). */
    private static int rank(long t) {
        if (t == SerialType.NULL) {
            return 0;
        }
        if (t < SerialType.FIRST_BLOB) {
            return 1;
        }
        return (t & 1) == 1 ? 2 : 3;
    }

    private int compareField(int i, long ta, byte[] a, int oa, int sa, long tb, byte[] b, int ob, int sb,
                             int encoding) {
        int ra = rank(ta);
        int rb = rank(tb);
        if (ra == 0 || rb == 0) {
            if (ra == rb) {
                return 0;
            }
            boolean last = i < nullsLast.length ? nullsLast[i] : isDesc(i);
            int c = ra == 0 ? -1 : 1;
            return last ? -c : c;
        }
        int c;
        if (ra != rb) {
            c = ra - rb;
        } else if (ra == 1) {
            c = compareNumbers(ta, a, oa, tb, b, ob);
        } else if (ra == 3) {
            c = compareBytes(a, oa, sa, b, ob, sb);
        } else {
            c = compareText(collation(i), a, oa, sa, b, ob, sb, encoding, ta, tb);
        }
        return isDesc(i) ? -c : c;
    }

    private static boolean isInteger(long t) {
        return t <= SerialType.INT64 || t == SerialType.ZERO || t == SerialType.ONE;
    }

    private static long integer(long t, byte[] r, int off) {
        return t >= SerialType.ZERO ? t - SerialType.ZERO : SerialType.getInt(r, off, (int) SerialType.sizeOf(t));
    }

    private static int compareNumbers(long ta, byte[] a, int oa, long tb, byte[] b, int ob) {
        boolean ia = isInteger(ta);
        boolean ib = isInteger(tb);
        if (ia && ib) {
            return Long.compare(integer(ta, a, oa), integer(tb, b, ob));
        }
        if (ia) {
            return ValueOrder.compareLongDouble(integer(ta, a, oa), Double.longBitsToDouble(SerialType.getInt(b, ob, 8)));
        }
        double da = Double.longBitsToDouble(SerialType.getInt(a, oa, 8));
        if (ib) {
            return -ValueOrder.compareLongDouble(integer(tb, b, ob), da);
        }
        double db = Double.longBitsToDouble(SerialType.getInt(b, ob, 8));
        return da < db ? -1 : (da > db ? 1 : 0);
    }

    /** memcmp order, shorter first on a common prefix ({@link ValueOrder#compareBlobs}). */
    private static int compareBytes(byte[] a, int oa, int sa, byte[] b, int ob, int sb) {
        int n = Math.min(sa, sb);
        for (int j = 0; j < n; j++) {
            int x = a[oa + j] & 0xff;
            int y = b[ob + j] & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return Integer.compare(sa, sb);
    }

    private static int compareText(Collation coll, byte[] a, int oa, int sa, byte[] b, int ob, int sb,
                                   int encoding, long ta, long tb) {
        boolean fold = coll == Collation.NOCASE;
        if (encoding == TextEncoding.UTF8 && (coll == Collation.BINARY || fold || coll == Collation.RTRIM)) {
            if (coll == Collation.RTRIM) {
                while (sa > 0 && a[oa + sa - 1] == ' ') {
                    sa--;
                }
                while (sb > 0 && b[ob + sb - 1] == ' ') {
                    sb--;
                }
            }
            boolean ascii = true;
            int n = Math.min(sa, sb);
            int c = 0;
            for (int j = 0; j < n; j++) {
                int x = a[oa + j] & 0xff;
                int y = b[ob + j] & 0xff;
                if ((x | y) >= 0x80) {
                    ascii = false;
                } else if (fold) {
                    x = x >= 'A' && x <= 'Z' ? x + 32 : x;
                    y = y >= 'A' && y <= 'Z' ? y + 32 : y;
                }
                if (x != y) {
                    c = x - y;
                    break;
                }
            }
            if (c == 0) {
                c = Integer.compare(sa, sb);
            }
            // On valid UTF-8, byte order is code point order; a malformed sequence decodes to U+FFFD instead.
            if (ascii || isValidUtf8(a, oa, sa) && isValidUtf8(b, ob, sb)) {
                return c;
            }
        }
        String x = TextEncoding.decode(a, oa, (int) SerialType.sizeOf(ta), encoding);
        String y = TextEncoding.decode(b, ob, (int) SerialType.sizeOf(tb), encoding);
        return coll.compare(x, y);
    }

    /** Whether {@code b[off..off+len)} is well-formed UTF-8 (Unicode 3.9, table 3-7: no overlongs, no surrogates). */
    static boolean isValidUtf8(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int x = b[i] & 0xff;
            if (x < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xbf;
            if (x >= 0xc2 && x <= 0xdf) {
                n = 1;
            } else if (x >= 0xe0 && x <= 0xef) {
                n = 2;
                lo = x == 0xe0 ? 0xa0 : 0x80;
                hi = x == 0xed ? 0x9f : 0xbf;
            } else if (x >= 0xf0 && x <= 0xf4) {
                n = 3;
                lo = x == 0xf0 ? 0x90 : 0x80;
                hi = x == 0xf4 ? 0x8f : 0xbf;
            } else {
                return false;
            }
            if (i + n >= end) {
                return false;
            }
            int y = b[i + 1] & 0xff;
            if (y < lo || y > hi) {
                return false;
            }
            for (int k = 2; k <= n; k++) {
                int z = b[i + k] & 0xff;
                if (z < 0x80 || z > 0xbf) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }
}
