package dev.petrel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petrel.Petrel;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import dev.petrel.vfs.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Queries over the real sample databases (Chinook, Northwind; read from a copy in memory) return what sqlite-jdbc
 * returns: joins, aggregates, views, LIKE, subqueries, and every view of Northwind.
 */
class SampleDbTest {
    private static Path shared() {
        String p = System.getProperty("petrel.shared.dir");
        if (p != null) {
            return Path.of(p);
        }
        Path rel = Path.of("../../shared");
        return Files.isDirectory(rel) ? rel : Path.of("/work/shared");
    }

    private static String petrel(Connection c, String sql) {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.step()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < s.columnCount(); i++) {
                    sb.append(i > 0 ? "|" : "").append(Oracle.render(s.columnValue(i)));
                }
                rows.add(sb.toString());
            }
        } catch (PetrelException e) {
            return "error: " + e.getMessage();
        }
        return String.join("\n", rows);
    }

    private static String sqlite(java.sql.Connection c, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (java.sql.Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    if (o instanceof Integer x) {
                        o = x.longValue();
                    }
                    sb.append(i > 1 ? "|" : "").append(Oracle.render(o));
                }
                rows.add(sb.toString());
            }
        }
        return String.join("\n", rows);
    }

    private static void compare(String file, List<String> queries) throws Exception {
        Path db = shared().resolve(file);
        MemoryVfs vfs = new MemoryVfs();
        vfs.put("s.db", Files.readAllBytes(db));
        List<String> diffs = new ArrayList<>();
        try (Database d = Petrel.open(vfs, "s.db"); Connection c = d.connect();
             java.sql.Connection s = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro")) {
            for (String q : queries) {
                String p = petrel(c, q);
                String e = sqlite(s, q);
                if (!p.equals(e)) {
                    diffs.add(q + "\n  petrel: " + abbreviate(p) + "\n  sqlite: " + abbreviate(e));
                }
            }
        }
        assertEquals("", String.join("\n", diffs));
    }

    private static String abbreviate(String s) {
        s = s.replace("\n", " | ");
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    @Test
    void chinook() throws Exception {
        compare("sample-dbs/chinook/Chinook_Sqlite.sqlite", List.of(
                "SELECT count(*) FROM Track",
                "SELECT ArtistId, Name FROM Artist ORDER BY Name LIMIT 10",
                "SELECT a.Title, ar.Name FROM Album a JOIN Artist ar ON a.ArtistId = ar.ArtistId ORDER BY a.AlbumId "
                        + "LIMIT 20",
                "SELECT g.Name, count(*), round(avg(t.Milliseconds) / 1000.0, 2) FROM Track t JOIN Genre g "
                        + "ON t.GenreId = g.GenreId GROUP BY g.Name ORDER BY 2 DESC, 1",
                "SELECT c.Country, sum(i.Total) AS s FROM Customer c JOIN Invoice i ON i.CustomerId = c.CustomerId "
                        + "GROUP BY c.Country HAVING s > 100 ORDER BY s DESC",
                "SELECT Name FROM Track WHERE Name LIKE '%love%' ORDER BY Name",
                "SELECT e.LastName, m.LastName FROM Employee e LEFT JOIN Employee m ON e.ReportsTo = m.EmployeeId "
                        + "ORDER BY e.EmployeeId",
                "SELECT Name FROM Artist WHERE ArtistId NOT IN (SELECT ArtistId FROM Album) ORDER BY Name LIMIT 5",
                "SELECT p.Name, (SELECT count(*) FROM PlaylistTrack pt WHERE pt.PlaylistId = p.PlaylistId) "
                        + "FROM Playlist p ORDER BY p.PlaylistId",
                "SELECT InvoiceId, InvoiceDate, Total FROM Invoice WHERE InvoiceDate BETWEEN '2009-01-01' AND "
                        + "'2009-02-01' ORDER BY InvoiceId",
                "SELECT DISTINCT BillingCountry FROM Invoice ORDER BY 1",
                "SELECT MediaTypeId, max(UnitPrice), min(Bytes) FROM Track GROUP BY MediaTypeId",
                "SELECT count(*) FROM InvoiceLine il JOIN Track t ON il.TrackId = t.TrackId JOIN Album a "
                        + "ON t.AlbumId = a.AlbumId WHERE a.Title LIKE 'A%'"));
    }

    @Test
    void northwindViews() throws Exception {
        compare("sample-dbs/northwind/northwind.db", List.of(
                "SELECT count(*) FROM \"Order Details\"",
                "SELECT * FROM \"Alphabetical list of products\" ORDER BY ProductID",
                "SELECT * FROM \"Current Product List\" ORDER BY ProductID",
                "SELECT * FROM \"Products Above Average Price\" ORDER BY 1",
                "SELECT * FROM \"Products by Category\" ORDER BY 1, 2",
                "SELECT * FROM \"Customer and Suppliers by City\" ORDER BY 1, 2",
                "SELECT * FROM \"Order Subtotals\" ORDER BY OrderID LIMIT 50",
                "SELECT CategoryName, count(*) FROM Categories JOIN Products USING (CategoryID) GROUP BY 1 ORDER BY 1",
                "SELECT count(*), sum(Freight) FROM Orders WHERE ShipCountry IN ('Germany', 'France')",
                "SELECT count(*), sum(ExtendedPrice) FROM \"Invoices\"",
                "SELECT count(*) FROM \"Orders Qry\"",
                "SELECT * FROM \"Quarterly Orders\" ORDER BY 1",
                "SELECT * FROM \"Sales by Category\" ORDER BY 1, 3",
                "SELECT * FROM \"Summary of Sales by Quarter\" ORDER BY 2 LIMIT 30",
                "SELECT * FROM \"Summary of Sales by Year\" ORDER BY 2 LIMIT 30",
                "SELECT * FROM \"Product Sales for 1997\" ORDER BY 1, 2",
                "SELECT * FROM \"Category Sales for 1997\" ORDER BY 1",
                "SELECT count(*), round(sum(ExtendedPrice), 2) FROM \"Order Details Extended\"",
                "SELECT * FROM \"Sales Totals by Amount\" ORDER BY 2",
                "SELECT count(*) FROM \"ProductDetails_V\""));
    }
}
