package dev.petrel.pager;

/**
 * The 100-byte database file header at the start of page 1: offsets, constants and helpers (no logic).
 *
 * <p>All integers are big-endian. See sqlite.org/fileformat2.html, section 1.3 "The Database Header".
 * <pre>
 * OFFSET SIZE MEANING
 *   0    16  magic "SQLite format 3\0"
 *  16     2  page size; 1 means 65536
 *  18     1  file format write version (1 legacy, 2 WAL)
 *  19     1  file format read version (1 legacy, 2 WAL)
 *  20     1  bytes reserved at the end of each page
 *  21     1  max embedded payload fraction, must be 64
 *  22     1  min embedded payload fraction, must be 32
 *  23     1  leaf payload fraction, must be 32
 *  24     4  file change counter
 *  28     4  database size in pages ("in-header database size")
 *  32     4  page number of the first freelist trunk page
 *  36     4  total number of freelist pages
 *  40     4  schema cookie
 *  44     4  schema format number (1..4)
 *  48     4  default page cache size
 *  52     4  largest root b-tree page (auto/incremental vacuum), else 0
 *  56     4  text encoding: 1 UTF-8, 2 UTF-16le, 3 UTF-16be
 *  60     4  user version
 *  64     4  incremental-vacuum mode: non-zero for incremental
 *  68     4  application ID
 *  72    20  reserved for expansion, zero
 *  92     4  version-valid-for: the change counter when the size field was stored
 *  96     4  SQLITE_VERSION_NUMBER of the library that last wrote the file
 * </pre>
 * A freelist trunk page holds: offset 0 (4) next trunk page number, 4 (4) leaf count L, 8 (4*L) leaf page numbers.
 */
public final class FileHeader {
    public static final int HEADER_SIZE = 100;
    public static final int MAGIC_OFFSET = 0;
    public static final int PAGE_SIZE_OFFSET = 16;
    public static final int WRITE_VERSION_OFFSET = 18;
    public static final int READ_VERSION_OFFSET = 19;
    public static final int RESERVED_BYTES_OFFSET = 20;
    public static final int MAX_PAYLOAD_FRACTION_OFFSET = 21;
    public static final int MIN_PAYLOAD_FRACTION_OFFSET = 22;
    public static final int LEAF_PAYLOAD_FRACTION_OFFSET = 23;
    public static final int CHANGE_COUNTER_OFFSET = 24;
    public static final int DATABASE_SIZE_OFFSET = 28;
    public static final int FREELIST_TRUNK_OFFSET = 32;
    public static final int FREELIST_COUNT_OFFSET = 36;
    public static final int SCHEMA_COOKIE_OFFSET = 40;
    public static final int SCHEMA_FORMAT_OFFSET = 44;
    public static final int DEFAULT_CACHE_SIZE_OFFSET = 48;
    public static final int LARGEST_ROOT_PAGE_OFFSET = 52;
    public static final int TEXT_ENCODING_OFFSET = 56;
    public static final int USER_VERSION_OFFSET = 60;
    public static final int INCREMENTAL_VACUUM_OFFSET = 64;
    public static final int APPLICATION_ID_OFFSET = 68;
    public static final int VERSION_VALID_FOR_OFFSET = 92;
    public static final int SQLITE_VERSION_OFFSET = 96;

    /** Freelist trunk page: next trunk page number. */
    public static final int TRUNK_NEXT_OFFSET = 0;
    /** Freelist trunk page: number of leaf page numbers that follow. */
    public static final int TRUNK_LEAF_COUNT_OFFSET = 4;
    /** Freelist trunk page: first leaf page number. */
    public static final int TRUNK_LEAVES_OFFSET = 8;

    /** The byte range SQLite uses for file locks; the page containing it is never used. */
    public static final long LOCK_BYTE_OFFSET = 0x40000000L;

    /** The SQLite version Petrel writes at offset 96 (the 3.53 dialect it follows). */
    public static final int SQLITE_VERSION_NUMBER = 3053000;

    private static final byte[] MAGIC = {
        'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0
    };

    private FileHeader() {
    }

    public static boolean isValidPageSize(int size) {
        return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
    }

    public static boolean hasMagic(byte[] header) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[MAGIC_OFFSET + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The page size stored in a header (the value 1 means 65536). */
    public static int pageSizeOf(byte[] header) {
        int raw = ((header[PAGE_SIZE_OFFSET] & 0xff) << 8) | (header[PAGE_SIZE_OFFSET + 1] & 0xff);
        return raw == 1 ? 65536 : raw;
    }

    public static int getInt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16)
                | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff);
    }

    /** Writes a fresh header for a new database into page 1 (which is otherwise zero). */
    static void initialize(Page page1, int pageSize, int reservedBytes) {
        page1.putBytes(MAGIC_OFFSET, MAGIC, 0, MAGIC.length);
        page1.putU16(PAGE_SIZE_OFFSET, pageSize == 65536 ? 1 : pageSize);
        page1.putU8(WRITE_VERSION_OFFSET, 1);
        page1.putU8(READ_VERSION_OFFSET, 1);
        page1.putU8(RESERVED_BYTES_OFFSET, reservedBytes);
        page1.putU8(MAX_PAYLOAD_FRACTION_OFFSET, 64);
        page1.putU8(MIN_PAYLOAD_FRACTION_OFFSET, 32);
        page1.putU8(LEAF_PAYLOAD_FRACTION_OFFSET, 32);
        page1.putInt(SCHEMA_FORMAT_OFFSET, 4);
        page1.putInt(TEXT_ENCODING_OFFSET, 1);
        page1.putInt(DATABASE_SIZE_OFFSET, 1);
        page1.putInt(SQLITE_VERSION_OFFSET, SQLITE_VERSION_NUMBER);
    }
}
