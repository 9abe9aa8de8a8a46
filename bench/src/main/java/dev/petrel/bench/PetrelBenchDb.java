package dev.petrel.bench;

import dev.petrel.Petrel;
import dev.petrel.api.ColumnType;
import dev.petrel.api.Connection;
import dev.petrel.api.Database;
import dev.petrel.api.Statement;

/** {@link BenchDb} over Petrel's public API (an in-memory database). */
final class PetrelBenchDb implements BenchDb {
    private final Database database = Petrel.openMemory();
    private final Connection connection = database.connect();

    @Override
    public void exec(String sql) {
        connection.exec(sql);
    }

    @Override
    public BenchStatement prepare(String sql) {
        Statement s = connection.prepare(sql);
        return new BenchStatement() {
            @Override
            public void bindLong(int index, long value) {
                s.bind(index, value);
            }

            @Override
            public void bindText(int index, String value) {
                s.bind(index, value);
            }

            @Override
            public long run() {
                long sum = 0;
                int n = s.columnCount();
                while (s.step()) {
                    for (int i = 0; i < n; i++) {
                        int t = s.columnType(i);
                        sum += t == ColumnType.INTEGER ? s.columnLong(i) : t == ColumnType.TEXT ? s.columnText(i).length() : t;
                    }
                }
                s.reset();
                return sum;
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    @Override
    public void close() {
        connection.close();
        database.close();
    }
}
