package dev.petrel.engine;

import dev.petrel.api.ColumnType;
import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.api.Statement;
import java.nio.charset.StandardCharsets;

/** The engine's {@link Statement}: bindings, the READY/ROW/DONE/FINALIZED state machine and column access. */
final class EngineStatement implements Statement {
    private static final int READY = 0;
    private static final int ROW = 1;
    private static final int DONE = 2;
    private static final int FINALIZED = 3;

    private final EngineConnection connection;
    private final String sql;
    private final InterimSelect.Compiled program;
    private Object[] params;
    private Object[] row;
    private int state = READY;

    EngineStatement(EngineConnection connection, String sql, InterimSelect.Compiled program) {
        this.connection = connection;
        this.sql = sql;
        this.program = program;
        this.params = new Object[program.parameterNames.size()];
    }

    private void checkLive() {
        if (state == FINALIZED) {
            throw PetrelException.misuse("statement is finalized");
        }
    }

    @Override
    public int parameterCount() {
        return params.length;
    }

    @Override
    public int parameterIndex(String name) {
        return program.parameterNames.indexOf(name) + 1;
    }

    @Override
    public String parameterName(int index) {
        if (index < 1 || index > params.length) {
            return null;
        }
        return program.parameterNames.get(index - 1);
    }

    @Override
    public void bind(int index, Object value) {
        checkLive();
        if (index < 1 || index > params.length) {
            throw new PetrelException(ResultCode.RANGE, "column index out of range");
        }
        if (state != READY) {
            throw PetrelException.misuse("bind on a busy statement");
        }
        params[index - 1] = normalize(value);
    }

    /** Maps the Java types callers may bind onto the five storage-value types. */
    static Object normalize(Object value) {
        if (value == null || value instanceof Long || value instanceof Double || value instanceof String
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? 1L : 0L;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        return value.toString();
    }

    @Override
    public void clearBindings() {
        checkLive();
        java.util.Arrays.fill(params, null);
    }

    @Override
    public boolean step() {
        checkLive();
        if (connection.takeInterrupt()) {
            state = DONE;
            throw new PetrelException(ResultCode.INTERRUPT, null);
        }
        if (state == READY) {
            row = program.evaluate(params);
            state = ROW;
            return true;
        }
        row = null;
        state = DONE;
        return false;
    }

    @Override
    public int columnCount() {
        return program.columns.size();
    }

    @Override
    public String columnName(int index) {
        checkColumn(index);
        return program.columnNames.get(index);
    }

    @Override
    public String columnDeclType(int index) {
        checkColumn(index);
        return null;
    }

    private void checkColumn(int index) {
        checkLive();
        if (index < 0 || index >= program.columns.size()) {
            throw new PetrelException(ResultCode.RANGE, "column index out of range");
        }
    }

    private Object value(int index) {
        checkColumn(index);
        if (state != ROW) {
            throw PetrelException.misuse("no current row");
        }
        return row[index];
    }

    @Override
    public int columnType(int index) {
        return ColumnType.of(value(index));
    }

    @Override
    public Object columnValue(int index) {
        Object v = value(index);
        return v instanceof byte[] ? ((byte[]) v).clone() : v;
    }

    @Override
    public long columnLong(int index) {
        Object v = InterimValues.toNumber(value(index));
        if (v == null) {
            return 0;
        }
        if (v instanceof Double) {
            return (long) (double) (Double) v;
        }
        return (Long) v;
    }

    @Override
    public double columnDouble(int index) {
        Object v = InterimValues.toNumber(value(index));
        return v == null ? 0.0 : ((Number) v).doubleValue();
    }

    @Override
    public String columnText(int index) {
        Object v = value(index);
        return v == null ? null : InterimValues.toText(v);
    }

    @Override
    public byte[] columnBlob(int index) {
        Object v = value(index);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[]) {
            return ((byte[]) v).clone();
        }
        return InterimValues.toText(v).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public void reset() {
        checkLive();
        state = READY;
        row = null;
    }

    @Override
    public void close() {
        if (state == FINALIZED) {
            return;
        }
        state = FINALIZED;
        connection.forget(this);
    }
}
