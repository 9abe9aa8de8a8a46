package dev.petrel.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@link Wrapper} for the driver's objects that wrap nothing but themselves (statements, result sets, the
 * metadata objects): {@code unwrap} answers this object for any interface it implements, and fails otherwise.
 */
interface SelfWrapper extends Wrapper {
    @Override
    default <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    default boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
