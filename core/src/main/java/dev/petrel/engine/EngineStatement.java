package dev.petrel.engine;

import dev.petrel.api.ColumnType;
import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import dev.petrel.api.Statement;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.value.Values;
import dev.petrel.vm.Explain;
import dev.petrel.vm.Program;
import dev.petrel.vm.Vm;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The engine's {@link Statement}: bindings, the READY/ROW/DONE/FINALIZED state machine, and a {@link Vm} running
 * the compiled program. EXPLAIN statements return the program listing (or the query plan) instead of running it.
 *
 * <p>A program compiled against an older schema fails its first step with SQLITE_SCHEMA; the statement then
 * compiles its SQL again against the current schema and retries once, as sqlite3_prepare_v2 statements do.
 */
final class EngineStatement implements Statement {
    private static final int READY = 0;
    private static final int ROW = 1;
    private static final int DONE = 2;
    private static final int FINALIZED = 3;

    private final EngineConnection connection;
    private final String sql;
    private Program program;
    private final Stmt stmt;
    private final int stmtEnd;
    private final List<String> parameterNames;
    String sqlForRecompile;
    private Vm vm;
    private final Object[] params;
    private Object[] row;
    private int state = READY;
    private boolean running;
    private Object[][] explainRows;
    private int explainPos;

    EngineStatement(EngineConnection connection, String sql, Program program, Stmt stmt, int stmtEnd,
                    List<String> parameterNames) {
        this.connection = connection;
        this.sql = sql;
        this.sqlForRecompile = sql;
        this.program = program;
        this.stmt = stmt;
        this.stmtEnd = stmtEnd;
        this.parameterNames = parameterNames;
        this.params = new Object[parameterNames.size()];
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
        for (int i = 0; i < parameterNames.size(); i++) {
            if (name.equals(parameterNames.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    @Override
    public String parameterName(int index) {
        if (index < 1 || index > params.length) {
            return null;
        }
        return parameterNames.get(index - 1);
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

    private boolean isDml() {
        return stmt instanceof Stmt.Insert || stmt instanceof Stmt.Update || stmt instanceof Stmt.Delete;
    }

    @Override
    public boolean step() {
        checkLive();
        if (program == null || state == DONE) {
            state = DONE;
            return false;
        }
        if (connection.takeInterrupt()) {
            finish(true);
            state = DONE;
            throw new PetrelException(ResultCode.INTERRUPT, "interrupted");
        }
        if (program.explain != 0) {
            return stepExplain();
        }
        if (!running) {
            if (stmt != null && program.compileFlags != connection.compileFlags()) {
                // A setting code generation reads (PRAGMA foreign_keys, ...) changed since the statement was compiled,
                // or the statement expired (ATTACH/DETACH, a temp schema change, a new function or collation).
                program = connection.compile(stmt, sqlForRecompile, stmtEnd, parameterNames);
            }
            vm = new Vm(program, connection);
            vm.bind(params);
            connection.statementStarted();
            running = true;
        }
        try {
            boolean hasRow;
            try {
                hasRow = vm.step();
            } catch (PetrelException e) {
                if (e.code() != ResultCode.SCHEMA || stmt == null) {
                    throw e;
                }
                // Compiled against an old schema: compile again and retry once.
                connection.invalidateSchemas();
                program = connection.compile(stmt, sqlForRecompile, stmtEnd, parameterNames);
                vm = new Vm(program, connection);
                vm.bind(params);
                hasRow = vm.step();
            }
            if (hasRow) {
                int n = vm.rowWidth();
                row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = vm.column(i);
                }
                state = ROW;
                return true;
            }
            finish(false);
            state = DONE;
            return false;
        } catch (PetrelException e) {
            finish(true);
            state = DONE;
            throw e;
        } catch (RuntimeException e) {
            finish(true);
            state = DONE;
            throw e;
        }
    }

    private boolean stepExplain() {
        if (explainRows == null) {
            explainRows = program.explain == 1 ? Explain.rows(program) : program.queryPlan;
            explainPos = 0;
        }
        if (explainPos < explainRows.length) {
            row = explainRows[explainPos++];
            state = ROW;
            return true;
        }
        state = DONE;
        return false;
    }

    private void finish(boolean failed) {
        if (running) {
            running = false;
            row = null;
            connection.statementEnded(failed, isDml(), failed && vm != null ? vm.haltAction() : 0);
        }
    }

    @Override
    public int columnCount() {
        return program == null ? 0 : program.columnNames.size();
    }

    @Override
    public String columnName(int index) {
        checkColumn(index);
        return program.columnNames.get(index);
    }

    @Override
    public String columnDeclType(int index) {
        checkColumn(index);
        return program.columnDeclTypes.get(index);
    }

    private void checkColumn(int index) {
        checkLive();
        if (index < 0 || index >= columnCount()) {
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
        return Values.toLong(value(index));
    }

    @Override
    public double columnDouble(int index) {
        return Values.toDouble(value(index));
    }

    @Override
    public String columnText(int index) {
        Object v = value(index);
        return v == null ? null : Values.toText(v);
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
        return Values.toText(v).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean isReadOnly() {
        return program == null || program.readOnly;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public void reset() {
        checkLive();
        finish(false);
        vm = null;
        state = READY;
        row = null;
        explainRows = null;
    }

    @Override
    public void close() {
        if (state == FINALIZED) {
            return;
        }
        finish(false);
        state = FINALIZED;
        connection.forget(this);
    }
}
