package dev.petrel.vm;

import dev.petrel.record.Collation;
import dev.petrel.record.KeyInfo;
import dev.petrel.record.RecordComparator;
import dev.petrel.record.ValueOrder;

/**
 * How the VM orders keys of sorters, ephemeral indexes and Compare: per key column a collation, a direction and
 * where NULLs go (SQLite's KeyInfo with its "big null" flag for {@code NULLS LAST} on ascending columns).
 *
 * <p>Columns past the arrays compare BINARY ascending. Immutable. {@link #toKeyInfo} gives the b-tree layer's
 * equivalent for cursors on real indexes (which never use NULLS LAST).
 */
public final class KeyOrder {
    /** All columns BINARY ascending. */
    public static final KeyOrder BINARY = new KeyOrder(new Collation[0], new boolean[0], new boolean[0]);

    private final Collation[] collations;
    private final boolean[] desc;
    private final boolean[] nullsLast;

    public KeyOrder(Collation[] collations, boolean[] desc, boolean[] nullsLast) {
        this.collations = collations;
        this.desc = desc;
        this.nullsLast = nullsLast;
    }

    public int size() {
        return collations.length;
    }

    public Collation collation(int i) {
        return i < collations.length && collations[i] != null ? collations[i] : Collation.BINARY;
    }

    public boolean isDesc(int i) {
        return i < desc.length && desc[i];
    }

    /** Compares column {@code i} of two keys. */
    public int compareColumn(int i, Object a, Object b) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            // NULL is smallest; NULLS LAST on ascending / NULLS FIRST on descending flips that.
            boolean nullLast = i < nullsLast.length ? nullsLast[i] : isDesc(i);
            int c = a == null ? -1 : 1;
            return nullLast ? -c : c;
        }
        int c = ValueOrder.compare(a, b, collation(i));
        return isDesc(i) ? -c : c;
    }

    /** Compares the first {@code n} columns of two keys (shorter keys compare as if padded with an equal tail). */
    public int compare(Object[] a, Object[] b, int n) {
        int m = Math.min(n, Math.min(a.length, b.length));
        for (int i = 0; i < m; i++) {
            int c = compareColumn(i, a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Compares the first {@code fields} fields of two encoded records in this order, without decoding them. */
    public RecordComparator recordComparator(int fields) {
        return new RecordComparator(collations, desc, nullsLast, fields, false);
    }

    /** The b-tree layer's key description (collations and directions). */
    public KeyInfo toKeyInfo() {
        return new KeyInfo(collations, desc);
    }

    /** This order with each collation replaced by {@code bind}'s answer; itself when nothing changes. */
    public KeyOrder withCollations(java.util.function.UnaryOperator<Collation> bind) {
        Collation[] bound = collations.clone();
        boolean changed = false;
        for (int i = 0; i < bound.length; i++) {
            if (bound[i] != null) {
                Collation b = bind.apply(bound[i]);
                changed |= b != bound[i];
                bound[i] = b;
            }
        }
        return changed ? new KeyOrder(bound, desc, nullsLast) : this;
    }

    /** This order with the given fields descending (NULLs then last, as SQLite's default for DESC). */
    public KeyOrder withDescending(boolean[] descending) {
        return of(collations.clone(), descending.clone());
    }

    public static KeyOrder of(Collation[] collations, boolean[] desc) {
        boolean[] nl = new boolean[desc.length];
        for (int i = 0; i < desc.length; i++) {
            nl[i] = desc[i];
        }
        return new KeyOrder(collations, desc, nl);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("k(").append(collations.length);
        for (int i = 0; i < collations.length; i++) {
            sb.append(',').append(isDesc(i) ? "-" : "");
            Collation c = collation(i);
            sb.append(c == Collation.BINARY ? "B" : c.name());
        }
        return sb.append(')').toString();
    }
}
