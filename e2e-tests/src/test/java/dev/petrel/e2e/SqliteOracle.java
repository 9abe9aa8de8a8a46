package dev.petrel.e2e;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Real SQLite (sqlite-jdbc) as the judge of what a page exported: the bytes, queried with plain JDBC. */
final class SqliteOracle {
    /** Exports {@code window.db} as base64 so that Java gets the bytes. */
    private static final String EXPORT_BASE64 = "async () => { const b = await db.export(); let s = '';"
            + " for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));"
            + " return btoa(s); }";

    private SqliteOracle() {
    }

    /** The file {@code db.export()} returns on page {@code p}. */
    static byte[] export(Page p) {
        return Base64.getDecoder().decode((String) p.evaluate(EXPORT_BASE64));
    }

    /** The exported database written to a temporary file. */
    static Path exportToFile(Page p) throws Exception {
        Path f = Files.createTempFile("petrel-export", ".sqlite");
        f.toFile().deleteOnExit();
        Files.write(f, export(p));
        return f;
    }

    /** Rows of {@code sql} on {@code file}; BLOBs as lower-case hex. */
    static List<List<Object>> query(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof byte[] ? HexFormat.of().formatHex((byte[]) v) : v);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
