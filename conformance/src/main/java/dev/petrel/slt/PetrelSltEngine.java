package dev.petrel.slt;

import dev.petrel.Petrel;
import dev.petrel.api.ColumnType;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import java.util.ArrayList;
import java.util.List;

/** Drives Petrel (a fresh in-memory database) for the sqllogictest runner. */
public final class PetrelSltEngine implements SltEngine {
    private final Database database = Petrel.openMemory();
    private final Connection connection = database.connect();

    @Override
    public void execute(String sql) {
        connection.exec(sql);
    }

    @Override
    public List<String> query(String sql, String types) {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.prepare(sql)) {
            if (s.columnCount() != types.length()) {
                throw new IllegalStateException("expected " + types.length() + " columns, got " + s.columnCount());
            }
            try {
                while (s.step()) {
                    for (int i = 0; i < types.length(); i++) {
                        out.add(render(s, i, types.charAt(i)));
                    }
                }
            } catch (PetrelException stepFailure) {
                // As in SQLite's harness: an error while stepping ends the result; the rows so far stand.
            }
        }
        return out;
    }

    private static String render(Statement s, int i, char type) {
        if (s.columnType(i) == ColumnType.NULL) {
            return "NULL";
        }
        switch (type) {
            case 'I':
                return SltValues.integer(s.columnLong(i));
            case 'R':
                return SltValues.real(s.columnDouble(i));
            default:
                return SltValues.text(s.columnText(i));
        }
    }

    @Override
    public void interrupt() {
        connection.interrupt();
    }

    @Override
    public void close() {
        connection.close();
        database.close();
    }
}
