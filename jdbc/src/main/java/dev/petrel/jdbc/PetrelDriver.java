package dev.petrel.jdbc;

import dev.petrel.Petrel;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:petrel:} URLs, registered with {@link DriverManager} when the class loads (found
 * through {@code META-INF/services/java.sql.Driver}).
 *
 * <p>URLs: {@code jdbc:petrel:<path>} opens (creating) a database file; {@code jdbc:petrel::memory:} and
 * {@code jdbc:petrel:} a private in-memory database. Options come from the {@link Properties} or a query string
 * ({@code jdbc:petrel:app.db?readonly=true}); the only option is {@code readonly} (open read-only: writes fail with
 * {@code SQLITE_READONLY}).
 */
public final class PetrelDriver implements Driver {
    /** The URL prefix this driver accepts. */
    public static final String PREFIX = "jdbc:petrel:";
    /** The connection property that opens the database read-only. */
    public static final String READONLY = "readonly";

    static {
        try {
            DriverManager.registerDriver(new PetrelDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Properties props = new Properties();
        if (info != null) {
            props.putAll(info);
        }
        String path = url.substring(PREFIX.length());
        int q = path.indexOf('?');
        if (q >= 0) {
            for (String kv : path.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    props.setProperty(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            path = path.substring(0, q);
        }
        boolean readOnly = Boolean.parseBoolean(props.getProperty(READONLY, "false"));
        try {
            Database db = PetrelFiles.open(path, readOnly);
            return new PetrelConnection(url, db, readOnly);
        } catch (PetrelException e) {
            throw PetrelSQLException.of(e);
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo ro = new DriverPropertyInfo(READONLY,
                info == null ? "false" : info.getProperty(READONLY, "false"));
        ro.description = "Open the database read-only";
        ro.choices = new String[] {"true", "false"};
        return new DriverPropertyInfo[] {ro};
    }

    @Override
    public int getMajorVersion() {
        return majorVersion();
    }

    @Override
    public int getMinorVersion() {
        return minorVersion();
    }

    static int majorVersion() {
        return Integer.parseInt(Petrel.VERSION.split("\\.")[0]);
    }

    static int minorVersion() {
        return Integer.parseInt(Petrel.VERSION.split("\\.")[1]);
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw PetrelSQLException.unsupported("getParentLogger");
    }
}
