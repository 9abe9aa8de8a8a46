package dev.petrel.record;

/**
 * Builds record bytes (header of serial types, then the values) from storage values.
 *
 * <p>Layout (sqlite.org/fileformat2.html, 2.1): a varint header size H (counting itself), then one varint
 * serial type per column, then the column contents in order. Each value gets its smallest serial type.
 */
public final class RecordEncoder {
    private RecordEncoder() {
    }

    /** Encodes the values in UTF-8. */
    public static byte[] encode(Object... values) {
        return encode(values, values.length, TextEncoding.UTF8);
    }

    /** Encodes the first {@code count} values, with TEXT in {@code encoding}. */
    public static byte[] encode(Object[] values, int count, int encoding) {
        long[] types = new long[count];
        byte[][] texts = new byte[count][];
        long typesBytes = 0;
        long body = 0;
        for (int i = 0; i < count; i++) {
            Object v = values[i];
            int len = 0;
            if (v instanceof String) {
                texts[i] = TextEncoding.encode((String) v, encoding);
                len = texts[i].length;
            } else if (v instanceof byte[]) {
                len = ((byte[]) v).length;
            }
            types[i] = SerialType.of(v, len);
            typesBytes += Varint.size(types[i]);
            body += SerialType.sizeOf(types[i]);
        }
        // The header size counts its own varint, whose length depends on the total.
        long header = typesBytes + 1;
        while (typesBytes + Varint.size(header) != header) {
            header = typesBytes + Varint.size(header);
        }
        long total = header + body;
        if (total > Integer.MAX_VALUE - 64) {
            throw new dev.petrel.api.PetrelException(dev.petrel.api.ResultCode.TOOBIG, null);
        }
        byte[] out = new byte[(int) total];
        int p = Varint.write(out, 0, header);
        for (int i = 0; i < count; i++) {
            p += Varint.write(out, p, types[i]);
        }
        for (int i = 0; i < count; i++) {
            Object v = values[i];
            long t = types[i];
            if (v instanceof Long) {
                int size = (int) SerialType.sizeOf(t);
                SerialType.putInt(out, p, size, (Long) v);
                p += size;
            } else if (v instanceof Double) {
                SerialType.putInt(out, p, 8, Double.doubleToRawLongBits((Double) v));
                p += 8;
            } else if (v instanceof String) {
                System.arraycopy(texts[i], 0, out, p, texts[i].length);
                p += texts[i].length;
            } else if (v instanceof byte[]) {
                byte[] blob = (byte[]) v;
                System.arraycopy(blob, 0, out, p, blob.length);
                p += blob.length;
            }
        }
        return out;
    }
}
