package dev.petrel.record;

import static org.junit.jupiter.api.Assertions.*;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordTest {
    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void varintKnownEncodings() {
        long[] values = {0, 0x7f, 0x80, 0x3fff, 0x4000, 0x1fffff, 0xffffffffL, (1L << 56) - 1, 1L << 56, -1,
            Long.MIN_VALUE, Long.MAX_VALUE};
        int[] sizes = {1, 1, 2, 2, 3, 3, 5, 8, 9, 9, 9, 9};
        for (int i = 0; i < values.length; i++) {
            byte[] buf = new byte[9];
            int n = Varint.write(buf, 0, values[i]);
            assertEquals(sizes[i], n, "size of " + values[i]);
            assertEquals(n, Varint.size(values[i]));
            assertEquals(n, Varint.sizeAt(buf, 0, 9));
            assertEquals(values[i], Varint.read(buf, 0, n));
        }
        byte[] buf = new byte[9];
        Varint.write(buf, 0, 0x80);
        assertArrayEquals(bytes(0x81, 0x00), Arrays.copyOf(buf, 2));
        Varint.write(buf, 0, -1);
        assertArrayEquals(bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), buf);
        PetrelException e = assertThrows(PetrelException.class, () -> Varint.read(bytes(0x81, 0x82), 0, 2));
        assertEquals(ResultCode.CORRUPT, e.code());
    }

    @Test
    void smallestSerialTypes() {
        assertEquals(SerialType.ZERO, SerialType.ofInteger(0));
        assertEquals(SerialType.ONE, SerialType.ofInteger(1));
        assertEquals(SerialType.INT8, SerialType.ofInteger(-128));
        assertEquals(SerialType.INT16, SerialType.ofInteger(128));
        assertEquals(SerialType.INT24, SerialType.ofInteger(-8388608));
        assertEquals(SerialType.INT32, SerialType.ofInteger(8388608));
        assertEquals(SerialType.INT48, SerialType.ofInteger(1L << 40));
        assertEquals(SerialType.INT64, SerialType.ofInteger(1L << 47));
        assertEquals(SerialType.INT48, SerialType.ofInteger(-(1L << 47)));
        assertEquals(13 + 2 * 3, SerialType.of("abc", 3));
        assertEquals(12 + 2 * 5, SerialType.of(new byte[5], 5));
        assertEquals(SerialType.FLOAT64, SerialType.of(1.0, 0));
        assertThrows(PetrelException.class, () -> SerialType.sizeOf(10));
        assertThrows(PetrelException.class, () -> SerialType.sizeOf(11));
    }

    @Test
    void encodesAsSqliteDoes() {
        // SELECT hex(record) equivalent for (NULL, 1, 'ab', x'ff', 2.5, 300): header 7 bytes.
        byte[] rec = RecordEncoder.encode(null, 1L, "ab", new byte[] {(byte) 0xff}, 2.5, 300L);
        byte[] want = bytes(7, 0, 9, 17, 14, 7, 2, 'a', 'b', 0xff, 0x40, 0x04, 0, 0, 0, 0, 0, 0, 0x01, 0x2c);
        assertArrayEquals(want, rec);
        Object[] back = Record.decode(rec);
        assertNull(back[0]);
        assertEquals(1L, back[1]);
        assertEquals("ab", back[2]);
        assertArrayEquals(new byte[] {(byte) 0xff}, (byte[]) back[3]);
        assertEquals(2.5, back[4]);
        assertEquals(300L, back[5]);
    }

    @Test
    void roundTripsEveryStorageClassAndBoundary() {
        Object[] vals = {null, 0L, 1L, -1L, 127L, -129L, 32767L, 8388607L, -8388609L, 2147483647L, -2147483649L,
            (1L << 47) - 1, -(1L << 47), Long.MAX_VALUE, Long.MIN_VALUE, 0.0, -0.0, Double.NaN, 1e308, "", "héllo 中 \uD83D\uDE00",
            new byte[0], new byte[] {1, 2, 3}};
        byte[] rec = RecordEncoder.encode(vals);
        Record r = new Record(rec);
        assertEquals(vals.length, r.columnCount());
        for (int i = 0; i < vals.length; i++) {
            Object got = r.column(i);
            if (vals[i] instanceof byte[]) {
                assertArrayEquals((byte[]) vals[i], (byte[]) got);
            } else {
                assertEquals(vals[i], got, "column " + i);
            }
        }
        assertNull(r.column(vals.length + 3), "missing columns read as NULL");
        assertEquals(1, RecordEncoder.encode().length);
    }

    @Test
    void largeHeaderSizeVarint() {
        Object[] vals = new Object[200];
        Arrays.fill(vals, "x");
        byte[] rec = RecordEncoder.encode(vals);
        assertEquals(2 + 200, Varint.read(rec, 0, rec.length));
        assertEquals(200, new Record(rec).columnCount());
        assertEquals("x", new Record(rec).column(199));
    }

    @Test
    void lazyDecodingStopsAtTheColumnAsked() {
        byte[] big = new byte[1 << 20];
        byte[] rec = RecordEncoder.encode(7L, big, "tail");
        int[] maxOffset = {0};
        PayloadSource src = new PayloadSource() {
            @Override
            public int size() {
                return rec.length;
            }

            @Override
            public void read(int offset, byte[] dst, int dstOff, int len) {
                maxOffset[0] = Math.max(maxOffset[0], offset + len);
                System.arraycopy(rec, offset, dst, dstOff, len);
            }
        };
        Record r = new Record(src, TextEncoding.UTF8);
        assertEquals(7L, r.column(0));
        assertTrue(maxOffset[0] < 32, "read " + maxOffset[0] + " bytes for column 0");
        assertEquals("tail", r.column(2));
        assertTrue(maxOffset[0] == rec.length);
    }

    @Test
    void corruptHeadersRaiseCorrupt() {
        byte[][] bad = {
            bytes(0x05, 0x01),               // header longer than payload
            bytes(0x02, 0x0a),               // reserved serial type 10
            bytes(0x02, 0x06, 0x00),         // int64 past the payload end
            bytes(0x03, 0x81),               // varint runs past the header
            bytes(0x00),                     // header size smaller than its own varint
            bytes(0x02, 0x8f, 0xff, 0xff, 0xff, 0x7f), // huge text length
        };
        for (byte[] b : bad) {
            PetrelException e = assertThrows(PetrelException.class, () -> new Record(b).values(),
                    Arrays.toString(b));
            assertEquals(ResultCode.CORRUPT, e.code());
        }
    }

    @Test
    void utf16TextDecodes() {
        String s = "Grüße 中文 \uD83D\uDE00";
        for (int enc : new int[] {TextEncoding.UTF16LE, TextEncoding.UTF16BE}) {
            byte[] rec = RecordEncoder.encode(new Object[] {s, 5L}, 2, enc);
            byte[] raw = s.getBytes(enc == TextEncoding.UTF16LE ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
            assertEquals(13 + 2L * raw.length, new Record(rec, enc).serialType(0));
            assertEquals(s, new Record(rec, enc).column(0));
        }
        assertEquals(TextEncoding.UTF8, TextEncoding.ofHeader(0));
        assertEquals(TextEncoding.UTF16BE, TextEncoding.ofHeader(3));
    }

    @Test
    void indexKeyPrefixAndDefaultResult() {
        KeyInfo ki = new KeyInfo(new Collation[] {Collation.NOCASE}, new boolean[] {true, false});
        Record rec = new Record(RecordEncoder.encode("Abc", 5L, 9L));
        assertEquals(0, new IndexKey(ki, new Object[] {"aBC"}, 1, 0).compareRecord(rec));
        assertEquals(1, new IndexKey(ki, new Object[] {"abc"}, 1, 1).compareRecord(rec));
        assertEquals(-1, new IndexKey(ki, new Object[] {"abc"}, 1, -1).compareRecord(rec));
        // DESC first column: "b" sorts before "abc", so the record is larger than key "b".
        assertTrue(new IndexKey(ki, new Object[] {"b"}, 1, 0).compareRecord(rec) > 0);
        assertTrue(new IndexKey(ki, new Object[] {"abc", 6L}, 2, 0).compareRecord(rec) < 0);
        assertEquals(0, IndexKey.exact(ki, "ABC", 5L, 9L).compareRecord(rec));
        // Records with fewer columns than the key compare as the default.
        assertEquals(1, new IndexKey(ki, new Object[] {"abc", 5L, 9L, 1L}, 4, 1).compareRecord(rec));
        // Cross-class order: NULL < numbers < text < blob, numbers compared exactly.
        KeyInfo bin = KeyInfo.BINARY;
        assertTrue(bin.compare(new Object[] {null}, new Object[] {-5L}) < 0);
        assertTrue(bin.compare(new Object[] {2L}, new Object[] {2.5}) < 0);
        assertTrue(bin.compare(new Object[] {"z"}, new Object[] {new byte[0]}) < 0);
        assertEquals(0, bin.compare(new Object[] {3L}, new Object[] {3.0}));
    }
}
