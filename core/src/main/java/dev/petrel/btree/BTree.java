package dev.petrel.btree;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.pager.FileHeader;
import dev.petrel.pager.Page;
import dev.petrel.pager.Pager;
import dev.petrel.record.KeyInfo;
import dev.petrel.record.Record;
import dev.petrel.record.RecordEncoder;
import dev.petrel.record.TextEncoding;
import dev.petrel.record.Varint;
import java.util.ArrayList;
import java.util.List;

/**
 * The b-tree layer's entry point for one database: opens cursors on trees by root page number, creates, clears
 * and drops trees, initializes a new database and reads/writes sqlite_schema rows.
 *
 * <p>Contract with the VM: transactions are the pager's ({@code pager().beginRead/beginWrite/commit/rollback});
 * every write here needs an open write transaction. Cursors are opened here and closed by their user. A write
 * through any cursor saves the positions of the other cursors on the same tree (see {@link BtCursor}).
 * Databases with auto-vacuum (header offset 52 non-zero) can be read and checked but not written, because
 * pointer-map maintenance is not implemented. Not thread-safe.
 *
 * <p>Overflow page layout (sqlite.org/fileformat2.html, 1.7): offset 0 (4) next overflow page or 0, offset 4
 * (U-4) payload bytes.
 */
public final class BTree {
    /** Root page of the sqlite_schema table. */
    public static final int SCHEMA_ROOT = 1;
    /** Column positions of a sqlite_schema record. */
    public static final int SCHEMA_TYPE = 0;
    public static final int SCHEMA_NAME = 1;
    public static final int SCHEMA_TBL_NAME = 2;
    public static final int SCHEMA_ROOTPAGE = 3;
    public static final int SCHEMA_SQL = 4;

    /** Header bytes 21..23 (max/min embedded and leaf payload fractions) as one big-endian value: 64, 32, 32. */
    private static final int EXPECTED_FRACTIONS = (64 << 16) | (32 << 8) | 32;

    private final Pager pager;
    private final List<BtCursor> cursors = new ArrayList<>();
    private boolean headerChecked;
    /** The text encoding once read from an existing database, else 0. */
    private int encoding;

    private BTree(Pager pager) {
        this.pager = pager;
    }

    /** The b-tree layer over an open pager. */
    public static BTree open(Pager pager) {
        return new BTree(pager);
    }

    public Pager pager() {
        return pager;
    }

    public int usableSize() {
        return pager.usableSize();
    }

    /** The text encoding of the database header (offset 56), UTF-8 for a new database. */
    public int textEncoding() {
        if (encoding == 0) {
            int e = TextEncoding.ofHeader(pager.getHeaderInt(FileHeader.TEXT_ENCODING_OFFSET));
            if (pager.pageCount() == 0) {
                return e;
            }
            // Fixed once the database exists: SQLite never changes a database's encoding.
            encoding = e;
        }
        return encoding;
    }

    /** Makes page 1 an empty sqlite_schema leaf if it has no b-tree yet (a new database); needs a write txn. */
    public void initialize() {
        checkWritable();
        Page page1 = pager.get(1);
        try {
            if (page1.getU8(PageHeader.PAGE1_OFFSET + PageHeader.TYPE_OFFSET) == 0) {
                pager.markWritable(page1);
                BtNode.init(page1, usableSize(), PageHeader.LEAF_TABLE);
            }
        } finally {
            pager.release(page1);
        }
    }

    // ---- cursors -----------------------------------------------------------------------------------------------

    /** A cursor on the table b-tree rooted at {@code root}. */
    public BtCursor openTable(int root, boolean writable) {
        return open(root, true, null, writable);
    }

    /** A cursor on the index b-tree rooted at {@code root}, keys ordered by {@code keyInfo}. */
    public BtCursor openIndex(int root, KeyInfo keyInfo, boolean writable) {
        return open(root, false, keyInfo, writable);
    }

    /**
     * Checks the header bytes SQLite checks before it reads any b-tree (its page-1 initialization): a read version
     * above 2 or payload fractions other than 64/32/32 mean the file is not a database this library can read.
     */
    private void checkHeader() {
        if (headerChecked || pager.pageCount() == 0) {
            return;
        }
        int versions = pager.getHeaderInt(FileHeader.PAGE_SIZE_OFFSET);
        int fractions = pager.getHeaderInt(FileHeader.RESERVED_BYTES_OFFSET);
        int readVersion = versions & 0xff;
        if (readVersion > 2 || (fractions & 0xffffff) != EXPECTED_FRACTIONS) {
            throw new PetrelException(ResultCode.NOTADB, null);
        }
        headerChecked = true;
    }

    private BtCursor open(int root, boolean table, KeyInfo keyInfo, boolean writable) {
        checkHeader();
        // Root 1 of a file not yet written (no pages) is an empty sqlite_schema, as in SQLite.
        if (root < 1 || root > pager.pageCount() && !(root == 1 && pager.pageCount() == 0)) {
            throw PetrelException.corrupt(root, "root page number out of range");
        }
        BtCursor c = new BtCursor(this, root, table, keyInfo, writable);
        cursors.add(c);
        return c;
    }

    void forget(BtCursor c) {
        cursors.remove(c);
    }

    /** Saves the position of every cursor on tree {@code root} (including {@code writer}) before a change. */
    void saveCursors(int root, BtCursor writer) {
        for (BtCursor c : cursors) {
            if (c.rootPgno() == root && c != writer) {
                c.save();
            }
        }
    }

    private void saveAll() {
        for (BtCursor c : cursors) {
            c.save();
        }
    }

    void checkWritable() {
        if (!pager.inWriteTransaction()) {
            throw new PetrelException(ResultCode.READONLY, "attempt to write a readonly database");
        }
        if (pager.getHeaderInt(FileHeader.LARGEST_ROOT_PAGE_OFFSET) != 0) {
            throw new PetrelException(ResultCode.READONLY, "auto_vacuum databases are read-only in Petrel");
        }
    }

    // ---- trees -------------------------------------------------------------------------------------------------

    /** Creates an empty table ({@code table}) or index b-tree; returns its root page number. */
    public int createTree(boolean table) {
        checkWritable();
        Page page = pager.allocate();
        try {
            BtNode.init(page, usableSize(), table ? PageHeader.LEAF_TABLE : PageHeader.LEAF_INDEX);
            return page.pgno();
        } finally {
            pager.release(page);
        }
    }

    /** Deletes every entry of a tree, freeing all its pages but the root; returns the number of entries removed. */
    public long clearTree(int root) {
        checkWritable();
        saveAll();
        long[] count = new long[1];
        int type = freeTree(root, 0, false, count);
        Page page = pager.get(root);
        try {
            pager.markWritable(page);
            BtNode.init(page, usableSize(), PageHeader.leafOf(type));
        } finally {
            pager.release(page);
        }
        return count[0];
    }

    /** Frees every page of a tree, root included (root 1 cannot be dropped). */
    public void dropTree(int root) {
        if (root == SCHEMA_ROOT) {
            throw PetrelException.misuse("cannot drop sqlite_schema");
        }
        clearTree(root);
        pager.free(root);
    }

    /** Frees the pages under {@code pgno} (and {@code pgno} itself if {@code freeSelf}); returns the page type. */
    private int freeTree(int pgno, int depth, boolean freeSelf, long[] count) {
        if (depth >= BtCursor.MAX_DEPTH) {
            throw PetrelException.corrupt(pgno, "b-tree deeper than " + BtCursor.MAX_DEPTH + " levels");
        }
        int type;
        int[] children;
        Page page = pager.get(pgno);
        try {
            BtNode node = BtNode.load(page, usableSize());
            type = node.type;
            CellInfo ci = new CellInfo();
            children = new int[node.leaf ? 0 : node.cellCount + 1];
            for (int i = 0; i < node.cellCount; i++) {
                node.parseCell(i, ci);
                if (ci.overflowPgno != 0) {
                    checkPayload(pgno, ci);
                    freeOverflow(ci);
                }
                if (!node.leaf) {
                    children[i] = ci.childPgno;
                }
                if (node.leaf || !node.table) {
                    count[0]++;
                }
            }
            if (!node.leaf) {
                children[node.cellCount] = node.rightChild();
            }
        } finally {
            pager.release(page);
        }
        for (int child : children) {
            if (child < 2 || child > pager.pageCount()) {
                throw PetrelException.corrupt(pgno, "child page number out of range");
            }
            freeTree(child, depth + 1, true, count);
        }
        if (freeSelf) {
            pager.free(pgno);
        }
        return type;
    }

    // ---- cells and overflow chains -----------------------------------------------------------------------------

    /** Builds a leaf cell (table: with {@code rowid}), writing the payload's overflow pages. */
    byte[] buildCell(int leafType, long rowid, byte[] payload) {
        boolean table = leafType == PageHeader.LEAF_TABLE;
        int usable = usableSize();
        int local = CellCodec.localSize(payload.length, table, usable);
        boolean overflow = local < payload.length;
        int head = Varint.size(payload.length) + (table ? Varint.size(rowid) : 0);
        byte[] cell = new byte[head + local + (overflow ? PageHeader.PGNO_SIZE : 0)];
        int p = Varint.write(cell, 0, payload.length);
        if (table) {
            p += Varint.write(cell, p, rowid);
        }
        System.arraycopy(payload, 0, cell, p, local);
        if (overflow) {
            CellCodec.putInt(cell, p + local, writeOverflow(payload, local));
        }
        return cell;
    }

    /** Writes payload[from..] to a new overflow chain; returns its first page number. */
    private int writeOverflow(byte[] payload, int from) {
        int cap = CellCodec.overflowCapacity(usableSize());
        int first = 0;
        Page prev = null;
        try {
            for (int off = from; off < payload.length; off += cap) {
                Page page = pager.allocate();
                int n = Math.min(cap, payload.length - off);
                page.putInt(CellCodec.OVERFLOW_NEXT_OFFSET, 0);
                page.putBytes(CellCodec.OVERFLOW_DATA_OFFSET, payload, off, n);
                if (prev == null) {
                    first = page.pgno();
                } else {
                    prev.putInt(CellCodec.OVERFLOW_NEXT_OFFSET, page.pgno());
                    pager.release(prev);
                }
                prev = page;
            }
        } finally {
            pager.release(prev);
        }
        return first;
    }

    /** Frees the overflow chain of cell {@code i} of a (pinned) page. */
    void freeCellOverflow(BtNode node, int i) {
        CellInfo ci = node.parseCell(i, new CellInfo());
        if (ci.overflowPgno != 0) {
            checkPayload(node.pgno, ci);
            freeOverflow(ci);
        }
    }

    private void freeOverflow(CellInfo ci) {
        long n = CellCodec.overflowPageCount(ci.payloadSize, ci.localSize, usableSize());
        int pgno = ci.overflowPgno;
        for (long i = 0; i < n; i++) {
            checkOverflowPgno(pgno, pgno);
            Page page = pager.get(pgno);
            int next;
            try {
                next = page.getInt(CellCodec.OVERFLOW_NEXT_OFFSET);
            } finally {
                pager.release(page);
            }
            pager.free(pgno);
            pgno = next;
        }
    }

    /** Validates a cell's overflow fields: a first page in range and a chain the file can hold. */
    void checkPayload(int pgno, CellInfo ci) {
        if (ci.localSize < ci.payloadSize) {
            long need = CellCodec.overflowPageCount(ci.payloadSize, ci.localSize, usableSize());
            if (need > pager.pageCount()) {
                throw PetrelException.corrupt(pgno, "payload of " + ci.payloadSize + " bytes exceeds the file");
            }
            checkOverflowPgno(pgno, ci.overflowPgno);
        }
    }

    /**
     * Walks a cell's whole overflow chain, checking each link and that no page repeats, before a caller allocates
     * a buffer of the payload's claimed size: the claim is then backed by real, distinct pages.
     */
    void validateChain(int pgno, CellInfo ci) {
        long need = CellCodec.overflowPageCount(ci.payloadSize, ci.localSize, usableSize());
        java.util.HashSet<Integer> seen = new java.util.HashSet<>();
        int p = ci.overflowPgno;
        for (long i = 0; i < need; i++) {
            checkOverflowPgno(pgno, p);
            if (!seen.add(p)) {
                throw PetrelException.corrupt(p, "overflow chain loops");
            }
            if (i + 1 < need) {
                Page page = pager.get(p);
                try {
                    p = page.getInt(CellCodec.OVERFLOW_NEXT_OFFSET);
                } finally {
                    pager.release(page);
                }
            }
        }
    }

    void checkOverflowPgno(int from, int pgno) {
        if (pgno < 2 || pgno > pager.pageCount()) {
            throw PetrelException.corrupt(from, "overflow page number " + pgno + " out of range");
        }
    }

    /** Reads {@code len} payload bytes from the chain starting at {@code first} into {@code dst[off..]}. */
    void readOverflow(int first, byte[] dst, int off, int len) {
        int cap = CellCodec.overflowCapacity(usableSize());
        int pgno = first;
        while (len > 0) {
            checkOverflowPgno(pgno, pgno);
            Page page = pager.get(pgno);
            try {
                int n = Math.min(cap, len);
                page.getBytes(CellCodec.OVERFLOW_DATA_OFFSET, dst, off, n);
                off += n;
                len -= n;
                pgno = page.getInt(CellCodec.OVERFLOW_NEXT_OFFSET);
            } finally {
                pager.release(page);
            }
        }
    }

    long interiorRowid(byte[] cell, int pgno) {
        return Varint.read(cell, PageHeader.PGNO_SIZE, cell.length);
    }

    long leafRowid(byte[] cell, int pgno) {
        int p = Varint.sizeAt(cell, 0, cell.length);
        return Varint.read(cell, p, cell.length);
    }

    // ---- sqlite_schema -----------------------------------------------------------------------------------------

    /** Every row of sqlite_schema in rowid order. */
    public List<SchemaEntry> readSchema() {
        List<SchemaEntry> out = new ArrayList<>();
        BtCursor c = openTable(SCHEMA_ROOT, false);
        try {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                Record r = c.record();
                Object root = r.column(SCHEMA_ROOTPAGE);
                out.add(new SchemaEntry(c.rowid(), str(r.column(SCHEMA_TYPE)), str(r.column(SCHEMA_NAME)),
                        str(r.column(SCHEMA_TBL_NAME)), root instanceof Long ? (Long) root : 0,
                        str(r.column(SCHEMA_SQL))));
            }
        } finally {
            c.close();
        }
        return out;
    }

    private static String str(Object v) {
        return v == null ? null : v instanceof String ? (String) v : String.valueOf(v);
    }

    /** Appends a sqlite_schema row (rowid = largest + 1) and bumps the schema cookie; returns the rowid. */
    public long addSchemaEntry(String type, String name, String tblName, int rootpage, String sql) {
        checkWritable();
        BtCursor c = openTable(SCHEMA_ROOT, true);
        try {
            long rowid = c.last() ? c.rowid() + 1 : 1;
            Object[] row = {type, name, tblName, (long) rootpage, sql};
            c.insert(rowid, RecordEncoder.encode(row, row.length, textEncoding()));
            pager.setHeaderInt(FileHeader.SCHEMA_COOKIE_OFFSET,
                    pager.getHeaderInt(FileHeader.SCHEMA_COOKIE_OFFSET) + 1);
            return rowid;
        } finally {
            c.close();
        }
    }

    /** Deletes the sqlite_schema row {@code rowid} and bumps the schema cookie; false if there is no such row. */
    public boolean deleteSchemaEntry(long rowid) {
        checkWritable();
        BtCursor c = openTable(SCHEMA_ROOT, true);
        try {
            if (c.seekRowid(rowid) != 0) {
                return false;
            }
            c.delete();
            pager.setHeaderInt(FileHeader.SCHEMA_COOKIE_OFFSET,
                    pager.getHeaderInt(FileHeader.SCHEMA_COOKIE_OFFSET) + 1);
            return true;
        } finally {
            c.close();
        }
    }

    /** PRAGMA integrity_check over the whole file: "ok" alone, or up to {@code maxErrors} messages. */
    public List<String> integrityCheck(int maxErrors) {
        checkHeader();
        return new IntegrityCheck(this, maxErrors).run();
    }

    /**
     * PRAGMA integrity_check(table): only the trees rooted at {@code roots} (a table and its indexes), without
     * the whole-file page accounting (freelist, "never used" pages).
     */
    public List<String> integrityCheck(int maxErrors, int[] roots) {
        checkHeader();
        return new IntegrityCheck(this, maxErrors).onlyTrees(roots).run();
    }
}
