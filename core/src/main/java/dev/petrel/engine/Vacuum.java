package dev.petrel.engine;

import dev.petrel.api.Connection;
import dev.petrel.api.PetrelException;
import dev.petrel.btree.BTree;
import dev.petrel.btree.BtCursor;
import dev.petrel.btree.SchemaEntry;
import dev.petrel.pager.FileHeader;
import dev.petrel.pager.Page;
import dev.petrel.pager.Pager;
import dev.petrel.record.KeyInfo;
import dev.petrel.schema.Index;
import dev.petrel.schema.Table;
import dev.petrel.vfs.MemoryVfs;
import dev.petrel.vfs.Vfs;
import dev.petrel.vfs.VfsFile;
import java.util.List;
import java.util.Locale;

/**
 * VACUUM and VACUUM INTO: builds a compact copy of the main database in a new file, as SQLite does, by creating
 * the tables from their sqlite_schema text, copying every row's record bytes unchanged (same rowids), then
 * creating the indexes (filled from the copied rows), then the views and triggers, so sqlite_schema ends up in
 * the order SQLite's VACUUM leaves it. The copy keeps the page
 * size, user_version and application_id.
 *
 * <p>VACUUM INTO writes the copy to the named file on the database's VFS (which must not exist or be empty).
 * Plain VACUUM builds the copy in memory and then writes its pages over the database's first pages inside the
 * statement's write transaction and drops the rest of the file, so the rollback journal (or WAL) makes the
 * rebuild atomic; the schema cookie moves on so other connections reload the schema. sqlite_stat4 (written only
 * by SQLite builds with STAT4) is not copied. A WITHOUT ROWID table (an index b-tree keyed by its PRIMARY KEY) is
 * copied entry by entry in key order.
 */
final class Vacuum {
    private static final String IMAGE_PATH = "vacuum.db";

    private Vacuum() {
    }

    static void run(EngineConnection conn, EngineDatabase db, Object into) {
        if (into == null && !conn.isAutocommit()) {
            throw PetrelException.error("cannot VACUUM from within a transaction");
        }
        Vfs vfs;
        String path;
        if (into != null) {
            path = into instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : into.toString();
            vfs = db.vfs();
            if (vfs.exists(path) && fileSize(vfs, path) > 0) {
                throw PetrelException.error("output file already exists");
            }
        } else {
            vfs = new MemoryVfs("vacuum");
            path = IMAGE_PATH;
        }
        EngineDatabase copy = EngineDatabase.open(vfs, path);
        try {
            copy.pager().setPageSize(db.pager().pageSize());
            copyInto(db, copy);
        } finally {
            copy.close();
        }
        if (into == null) {
            writeImage(db.pager(), ((MemoryVfs) vfs).snapshot(path));
            db.invalidateSchema();
        }
    }

    private static long fileSize(Vfs vfs, String path) {
        VfsFile f = vfs.open(path, Vfs.OPEN_READONLY);
        try {
            return f.size();
        } finally {
            f.close();
        }
    }

    private static void copyInto(EngineDatabase src, EngineDatabase dst) {
        BTree srcTree = src.btree();
        Pager srcPager = src.pager();
        List<SchemaEntry> entries = srcPager.pageCount() == 0 ? List.of() : srcTree.readSchema();
        try (Connection d = dst.connect()) {
            d.exec("BEGIN");
            d.exec("PRAGMA user_version = " + srcPager.getHeaderInt(FileHeader.USER_VERSION_OFFSET));
            d.exec("PRAGMA application_id = " + srcPager.getHeaderInt(FileHeader.APPLICATION_ID_OFFSET));
            for (SchemaEntry e : entries) {
                if (!"table".equals(e.type()) || e.sql() == null) {
                    continue;
                }
                String name = e.name().toLowerCase(Locale.ROOT);
                if (name.equals("sqlite_stat1")) {
                    d.exec("ANALYZE sqlite_schema");
                } else if (!name.startsWith("sqlite_")) {
                    d.exec(e.sql());
                }
            }
            for (SchemaEntry e : entries) {
                if ("table".equals(e.type()) && e.rootpage() > 0) {
                    Table t = dst.schema().table(e.name());
                    if (t != null && t.rootPage > 0) {
                        if (t.withoutRowid) {
                            // The table is an index b-tree keyed by its PRIMARY KEY: copy its entries in order.
                            KeyInfo key = primaryKeyInfo(t);
                            copyEntries(srcTree.openIndex((int) e.rootpage(), key, false),
                                    dst.btree().openIndex(t.rootPage, key, true));
                        } else {
                            copyRows(srcTree.openTable((int) e.rootpage(), false),
                                    dst.btree().openTable(t.rootPage, true));
                        }
                        if (!t.indexes.isEmpty()) {
                            // The UNIQUE/PRIMARY KEY indexes CREATE TABLE made are filled from the copied rows.
                            d.exec("REINDEX \"" + t.name.replace("\"", "\"\"") + "\"");
                        }
                    }
                }
            }
            // As SQLite's VACUUM: indexes after the tables, then views and triggers.
            for (SchemaEntry e : entries) {
                if ("index".equals(e.type()) && e.sql() != null) {
                    d.exec(e.sql());
                }
            }
            for (SchemaEntry e : entries) {
                if (!"table".equals(e.type()) && !"index".equals(e.type()) && e.sql() != null) {
                    d.exec(e.sql());
                }
            }
            d.exec("COMMIT");
        }
    }

    private static void copyRows(BtCursor from, BtCursor to) {
        try {
            for (boolean ok = from.first(); ok; ok = from.next()) {
                to.insert(from.rowid(), from.payload());
            }
        } finally {
            from.close();
            to.close();
        }
    }

    private static void copyEntries(BtCursor from, BtCursor to) {
        try {
            for (boolean ok = from.first(); ok; ok = from.next()) {
                to.insert(from.payload(), true);
            }
        } finally {
            from.close();
            to.close();
        }
    }

    /** How the entries of WITHOUT ROWID table {@code t} compare: its PRIMARY KEY's collations and directions. */
    private static KeyInfo primaryKeyInfo(Table t) {
        for (Index idx : t.indexes) {
            if (idx.primaryKey) {
                return new KeyInfo(idx.collations, idx.desc);
            }
        }
        throw PetrelException.error("WITHOUT ROWID table " + t.name + " has no PRIMARY KEY");
    }

    /** Writes {@code image} over the database's pages and drops the pages past its end. */
    private static void writeImage(Pager pager, byte[] image) {
        int pageSize = pager.pageSize();
        int pages = pageSize == 0 ? 0 : image.length / pageSize;
        if (pages == 0) {
            return;
        }
        Page one = pager.get(1);
        int writeVersion = one.getU8(FileHeader.WRITE_VERSION_OFFSET);
        int readVersion = one.getU8(FileHeader.READ_VERSION_OFFSET);
        int cookie = one.getInt(FileHeader.SCHEMA_COOKIE_OFFSET);
        pager.release(one);
        for (int pgno = 1; pgno <= pages; pgno++) {
            Page page;
            if (pgno <= pager.pageCount()) {
                page = pager.get(pgno);
                pager.markWritable(page);
            } else {
                page = pager.allocate();
                if (page.pgno() != pgno) {
                    pager.release(page);
                    throw PetrelException.error("VACUUM could not grow the database file");
                }
            }
            page.putBytes(0, image, (pgno - 1) * pageSize, pageSize);
            if (pgno == 1) {
                page.putU8(FileHeader.WRITE_VERSION_OFFSET, writeVersion);
                page.putU8(FileHeader.READ_VERSION_OFFSET, readVersion);
                page.putInt(FileHeader.SCHEMA_COOKIE_OFFSET, cookie + 1);
            }
            pager.release(page);
        }
        if (pages < pager.pageCount()) {
            pager.truncate(pages);
        }
    }
}
