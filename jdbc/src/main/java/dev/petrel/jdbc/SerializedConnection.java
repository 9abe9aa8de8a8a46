package dev.petrel.jdbc;

import dev.petrel.api.Connection;
import dev.petrel.api.Statement;

/**
 * The engine connection as the driver uses it: every call on it and on the statements it prepares holds one lock,
 * so a JDBC connection shared between threads reaches the (single-threaded) engine one call at a time, as
 * {@link dev.petrel.api.Database} requires. {@link #interrupt()} alone takes no lock: {@code Statement.cancel()}
 * comes from another thread while a statement runs.
 */
final class SerializedConnection implements Connection {
    private final Connection base;
    private final Object lock = new Object();

    SerializedConnection(Connection base) {
        this.base = base;
    }

    @Override
    public Statement prepare(String sql) {
        synchronized (lock) {
            return new SerializedStatement(base.prepare(sql), lock);
        }
    }

    @Override
    public void exec(String sql) {
        synchronized (lock) {
            base.exec(sql);
        }
    }

    @Override
    public long lastInsertRowid() {
        synchronized (lock) {
            return base.lastInsertRowid();
        }
    }

    @Override
    public long changes() {
        synchronized (lock) {
            return base.changes();
        }
    }

    @Override
    public long totalChanges() {
        synchronized (lock) {
            return base.totalChanges();
        }
    }

    @Override
    public boolean isAutocommit() {
        synchronized (lock) {
            return base.isAutocommit();
        }
    }

    @Override
    public void createFunction(String name, int nArg, int flags, dev.petrel.func.ScalarFunction function) {
        synchronized (lock) {
            base.createFunction(name, nArg, flags, function);
        }
    }

    @Override
    public void createAggregate(String name, int nArg, int flags, dev.petrel.func.AggregateFactory factory) {
        synchronized (lock) {
            base.createAggregate(name, nArg, flags, factory);
        }
    }

    @Override
    public void createWindowFunction(String name, int nArg, int flags, dev.petrel.func.AggregateFactory factory) {
        synchronized (lock) {
            base.createWindowFunction(name, nArg, flags, factory);
        }
    }

    @Override
    public void createCollation(String name, java.util.Comparator<String> order) {
        synchronized (lock) {
            base.createCollation(name, order);
        }
    }

    @Override
    public void interrupt() {
        base.interrupt();
    }

    @Override
    public void setProgressHandler(int instructions, java.util.function.BooleanSupplier handler) {
        synchronized (lock) {
            base.setProgressHandler(instructions, handler);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            base.close();
        }
    }

    /** An engine statement whose every call holds the connection's lock. */
    private static final class SerializedStatement implements Statement {
        private final Statement base;
        private final Object lock;

        SerializedStatement(Statement base, Object lock) {
            this.base = base;
            this.lock = lock;
        }

        @Override
        public int parameterCount() {
            synchronized (lock) {
                return base.parameterCount();
            }
        }

        @Override
        public int parameterIndex(String name) {
            synchronized (lock) {
                return base.parameterIndex(name);
            }
        }

        @Override
        public String parameterName(int index) {
            synchronized (lock) {
                return base.parameterName(index);
            }
        }

        @Override
        public void bind(int index, Object value) {
            synchronized (lock) {
                base.bind(index, value);
            }
        }

        @Override
        public void clearBindings() {
            synchronized (lock) {
                base.clearBindings();
            }
        }

        @Override
        public boolean step() {
            synchronized (lock) {
                return base.step();
            }
        }

        @Override
        public int columnCount() {
            synchronized (lock) {
                return base.columnCount();
            }
        }

        @Override
        public String columnName(int index) {
            synchronized (lock) {
                return base.columnName(index);
            }
        }

        @Override
        public String columnDeclType(int index) {
            synchronized (lock) {
                return base.columnDeclType(index);
            }
        }

        @Override
        public int columnType(int index) {
            synchronized (lock) {
                return base.columnType(index);
            }
        }

        @Override
        public Object columnValue(int index) {
            synchronized (lock) {
                return base.columnValue(index);
            }
        }

        @Override
        public long columnLong(int index) {
            synchronized (lock) {
                return base.columnLong(index);
            }
        }

        @Override
        public double columnDouble(int index) {
            synchronized (lock) {
                return base.columnDouble(index);
            }
        }

        @Override
        public String columnText(int index) {
            synchronized (lock) {
                return base.columnText(index);
            }
        }

        @Override
        public byte[] columnBlob(int index) {
            synchronized (lock) {
                return base.columnBlob(index);
            }
        }

        @Override
        public boolean isReadOnly() {
            synchronized (lock) {
                return base.isReadOnly();
            }
        }

        @Override
        public String sql() {
            return base.sql();
        }

        @Override
        public void reset() {
            synchronized (lock) {
                base.reset();
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                base.close();
            }
        }
    }
}
