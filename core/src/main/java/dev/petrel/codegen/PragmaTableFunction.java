package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.func.FunctionContext;
import dev.petrel.func.FunctionRegistry;
import dev.petrel.func.TableFunction;
import dev.petrel.schema.Catalog;
import dev.petrel.value.Values;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code pragma_NAME(arg, schema)} for a catalogue pragma ({@link PragmaRows#NAMES}) as a table-valued function:
 * the rows of {@link PragmaRows} computed each time the loop over the call starts, so the argument may read an
 * outer row ({@code FROM sqlite_schema m JOIN pragma_table_info(m.name)}). The hidden columns {@code arg} and
 * {@code schema} (those {@link PragmaRows#hiddenColumns} declares) hold the call's arguments.
 *
 * <p>A schema argument names the database to read (main, temp or an attached one); a name that is no database is
 * SQLite's error {@code unknown database 'X'}.
 */
final class PragmaTableFunction implements TableFunction {
    private final String pragma;
    private final List<String> columns = new ArrayList<>();
    private final int hiddenCount;
    private final Catalog schema;
    private final FunctionRegistry functions;
    private final PragmaRows.ViewShape views;

    PragmaTableFunction(String pragma, Catalog schema, FunctionRegistry functions, PragmaRows.ViewShape views) {
        this.pragma = pragma;
        this.schema = schema;
        this.functions = functions;
        this.views = views;
        columns.addAll(PragmaRows.columns(pragma));
        List<String> hidden = PragmaRows.hiddenColumns(pragma);
        columns.addAll(hidden);
        hiddenCount = hidden.size();
    }

    @Override
    public String name() {
        return "pragma_" + pragma;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public int hiddenCount() {
        return hiddenCount;
    }

    @Override
    public Iterator<Object[]> rows(FunctionContext ctx, Object[] args) {
        Object arg = args.length > 0 ? args[0] : null;
        Object schemaName = args.length > 1 ? args[1] : null;
        List<Object[]> rows = new ArrayList<>();
        String database = schemaName == null ? null : Values.toText(schemaName);
        if (database != null && schema.dbIndex(database) < 0) {
            throw PetrelException.error("unknown database '" + database + "'");
        }
        int visible = columns.size() - hiddenCount;
        for (Object[] row : PragmaRows.of(pragma, arg == null ? null : Values.toText(arg), database, schema, functions,
                views)) {
            Object[] full = new Object[columns.size()];
            System.arraycopy(row, 0, full, 0, visible);
            for (int i = 0; i < hiddenCount; i++) {
                full[visible + i] = i < args.length ? args[i] : null;
            }
            rows.add(full);
        }
        return rows.iterator();
    }
}
