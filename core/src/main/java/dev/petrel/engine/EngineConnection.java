package dev.petrel.engine;

import dev.petrel.api.Connection;
import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import java.util.ArrayList;
import java.util.List;

/** The engine's {@link Connection}: prepares statements and keeps the per-connection counters. */
public final class EngineConnection implements Connection {
    private final EngineDatabase database;
    private final List<EngineStatement> statements = new ArrayList<>();
    private long lastInsertRowid;
    private long changes;
    private long totalChanges;
    private boolean interrupted;
    private boolean closed;

    EngineConnection(EngineDatabase database) {
        this.database = database;
    }

    private void checkOpen() {
        if (closed) {
            throw PetrelException.misuse("connection is closed");
        }
    }

    @Override
    public Statement prepare(String sql) {
        checkOpen();
        EngineStatement s = new EngineStatement(this, sql, InterimSelect.compile(sql));
        statements.add(s);
        return s;
    }

    @Override
    public void exec(String sql) {
        try (Statement s = prepare(sql)) {
            while (s.step()) {
                // rows are discarded
            }
        }
    }

    @Override
    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    @Override
    public long changes() {
        return changes;
    }

    @Override
    public long totalChanges() {
        return totalChanges;
    }

    @Override
    public boolean isAutocommit() {
        return !database.pager().inWriteTransaction();
    }

    @Override
    public void interrupt() {
        interrupted = true;
    }

    /** Consumes a pending interrupt (statements poll this while they run). */
    boolean takeInterrupt() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    void forget(EngineStatement s) {
        statements.remove(s);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (EngineStatement s : new ArrayList<>(statements)) {
            s.close();
        }
        closed = true;
        database.forget(this);
    }
}
