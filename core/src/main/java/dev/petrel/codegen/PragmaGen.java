package dev.petrel.codegen;

import dev.petrel.sql.ast.Stmt;
import dev.petrel.value.Affinity;
import dev.petrel.value.PragmaValues;
import dev.petrel.vm.Opcode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Code for {@code PRAGMA} statements (sqlite.org/pragma.html). Four kinds:
 * <ol>
 *   <li>catalogue pragmas ({@link PragmaRows#NAMES}: table_info, index_list, function_list...): rows computed from
 *       the schema at compile time, emitted as constants;</li>
 *   <li>database header values (user_version, application_id, schema_version, freelist_count, page_count),
 *       journal_mode, integrity_check/quick_check and foreign_key_check: opcodes that read or change the
 *       database;</li>
 *   <li>connection flags the code generator depends on (foreign_keys, recursive_triggers, defer_foreign_keys):
 *       {@code ConnectionFlag};</li>
 *   <li>settings of the connection or its pager ({@link #SETTINGS}): one {@code PragmaSetting} opcode, applied by
 *       the engine's {@code ConnectionSettings}.</li>
 * </ol>
 * Any other pragma is accepted and does nothing, as SQLite ignores unknown pragmas.
 *
 * <p>Rows go to {@code ResultRow}, or to {@link #rowSink} when a pragma table-valued function materializes them
 * ({@link PragmaFunctionGen}).
 */
final class PragmaGen {
    private final Compiler c;
    private final ProgramBuilder b;

    /** Where pragma rows go instead of ResultRow (r[base..base+n-1]); set for pragma table-valued functions. */
    java.util.function.BiConsumer<Integer, Integer> rowSink;

    PragmaGen(Compiler c) {
        this.c = c;
        this.b = c.b;
    }

    /** Every pragma name SQLite lists in PRAGMA pragma_list (Petrel accepts them all). */
    static final List<String> PRAGMA_NAMES = List.of("analysis_limit", "application_id", "auto_vacuum",
            "automatic_index", "busy_timeout", "cache_size", "cache_spill", "case_sensitive_like", "cell_size_check",
            "checkpoint_fullfsync", "collation_list", "compile_options", "count_changes", "data_version",
            "database_list", "default_cache_size", "defer_foreign_keys", "empty_result_callbacks", "encoding",
            "foreign_key_check", "foreign_key_list", "foreign_keys", "freelist_count", "full_column_names",
            "fullfsync", "function_list", "hard_heap_limit", "ignore_check_constraints", "incremental_vacuum",
            "index_info", "index_list", "index_xinfo", "integrity_check", "journal_mode", "journal_size_limit",
            "legacy_alter_table", "locking_mode", "max_page_count", "mmap_size", "module_list", "optimize",
            "page_count", "page_size", "pragma_list", "query_only", "quick_check", "read_uncommitted",
            "recursive_triggers", "reverse_unordered_selects", "schema_version", "secure_delete",
            "short_column_names", "shrink_memory", "soft_heap_limit", "synchronous", "table_info", "table_list",
            "table_xinfo", "temp_store", "temp_store_directory", "threads", "trusted_schema", "user_version",
            "wal_autocheckpoint", "wal_checkpoint", "writable_schema");

    /** The pragmas the connection applies ({@code engine.ConnectionSettings}). */
    private static final List<String> SETTINGS = List.of("synchronous", "cache_size", "page_size",
            "case_sensitive_like", "busy_timeout", "temp_store", "locking_mode", "encoding", "analysis_limit",
            "auto_vacuum", "automatic_index", "cache_spill", "cell_size_check", "checkpoint_fullfsync",
            "count_changes", "data_version", "empty_result_callbacks", "full_column_names", "fullfsync",
            "hard_heap_limit", "ignore_check_constraints", "journal_size_limit", "legacy_alter_table",
            "max_page_count", "query_only", "read_uncommitted", "reverse_unordered_selects", "secure_delete",
            "short_column_names", "soft_heap_limit", "threads", "trusted_schema", "wal_autocheckpoint",
            "wal_checkpoint", "writable_schema");

    /** Settings whose setter (not only the query) answers with the value in effect, as in SQLite. */
    private static final List<String> SETTERS_THAT_REPORT = List.of("busy_timeout", "locking_mode",
            "secure_delete", "soft_heap_limit", "hard_heap_limit", "threads", "analysis_limit", "journal_size_limit",
            "wal_autocheckpoint", "max_page_count", "wal_checkpoint");

    ResultInfo pragma(Stmt.Pragma pr) {
        int db = new DdlGen(c).checkSchemaName(pr.schema());
        String name = pr.name().toLowerCase(Locale.ROOT);
        String arg = pr.value();
        if (PragmaRows.NAMES.contains(name)) {
            return catalogue(name, arg, pr.schema());
        }
        switch (name) {
            case "integrity_check":
            case "quick_check":
                IntegrityGen.generate(c, name.equals("quick_check"), arg, pr.schema() == null ? -1 : db, this::emitRow);
                return info(name);
            case "user_version":
            case "application_id":
            case "schema_version":
            case "freelist_count": {
                int cookie = name.equals("user_version") ? 6 : name.equals("application_id") ? 8
                        : name.equals("schema_version") ? 1 : 0;
                c.touchesDatabase = true;
                if (arg != null && !name.equals("freelist_count")) {
                    c.write = true;
                    b.emit(Opcode.SetCookie, db, cookie, PragmaValues.int32(arg));
                    return null;
                }
                int r = b.reg();
                b.emit(Opcode.ReadCookie, db, r, cookie);
                emitRow(r, 1);
                return info(name);
            }
            case "journal_mode": {
                int r = b.reg();
                b.emit(Opcode.JournalMode, db, r, 0, arg == null ? null : arg.toLowerCase(Locale.ROOT), 0);
                emitRow(r, 1);
                return info(name);
            }
            case "foreign_keys":
            case "recursive_triggers":
            case "defer_foreign_keys": {
                int r = b.reg();
                b.emit(Opcode.ConnectionFlag, 0, r, arg == null ? 0 : PragmaValues.isTrue(arg) ? 2 : 1, name, 0);
                if (arg != null) {
                    return null;
                }
                emitRow(r, 1);
                return info(name);
            }
            case "foreign_key_check":
                ForeignKeyPragmas.check(c, arg, this::emitRow);
                return info("table", "rowid", "parent", "fkid");
            case "page_count": {
                c.touchesDatabase = true;
                int r = b.reg();
                b.emit(Opcode.Pagecount, db, r);
                emitRow(r, 1);
                return info(name);
            }
            default:
                return SETTINGS.contains(name) ? settingPragma(name, arg, db) : null;
        }
    }

    /**
     * A settings pragma (see VmHost.pragmaSetting): the host applies it; a row is reported for every query except
     * case_sensitive_like (which has none), and for the setters of {@link #SETTERS_THAT_REPORT}. Pager settings
     * apply to database {@code db} ({@code PRAGMA aux.cache_size}).
     */
    private ResultInfo settingPragma(String name, String arg, int db) {
        boolean checkpoint = name.equals("wal_checkpoint");
        int r = b.regs(checkpoint ? 3 : 1);
        if (name.equals("auto_vacuum") || name.equals("max_page_count")) {
            c.touchesDatabase = true;
        }
        b.emit(Opcode.PragmaSetting, db, r, 0, new String[] {name, arg}, 0);
        boolean reports = arg == null ? !name.equals("case_sensitive_like") : SETTERS_THAT_REPORT.contains(name);
        if (!reports) {
            return null;
        }
        if (checkpoint) {
            emitRow(r, 3);
            return info("busy", "log", "checkpointed");
        }
        emitRow(r, 1);
        return info(name.equals("busy_timeout") ? "timeout" : name);
    }

    /** A catalogue pragma: its rows, computed now from the schema, as constants. */
    private ResultInfo catalogue(String name, String arg, String database) {
        List<Object[]> rows = PragmaRows.of(name, arg, database, c.schema, c.functions, viewShape(c));
        ExprGen g = new ExprGen(c, new dev.petrel.plan.Scope(null));
        for (Object[] row : rows) {
            int base = b.regs(row.length);
            for (int i = 0; i < row.length; i++) {
                g.constant(row[i], base + i);
            }
            emitRow(base, row.length);
        }
        return info(PragmaRows.columns(name).toArray(new String[0]));
    }

    /** The view columns of {@link PragmaRows} as the view's SELECT (or its column list) names and types them. */
    static PragmaRows.ViewShape viewShape(Compiler c) {
        return view -> {
            Compiler scratch = c.sub(view.sql);
            ResultInfo info = scratch.select.run(view.viewSelect, null, (reg, n, i) -> { });
            List<String[]> cols = new ArrayList<>();
            for (int i = 0; i < info.size(); i++) {
                String name = view.viewColumns != null && i < view.viewColumns.size() ? view.viewColumns.get(i)
                        : info.names.get(i);
                String type = info.declTypes.get(i);
                // A column without a declared type is named by its expression's affinity (none: no type).
                cols.add(new String[] {name, type != null ? type : info.affinities.get(i).typeName()});
            }
            return cols;
        };
    }

    private void emitRow(int base, int n) {
        if (rowSink != null) {
            rowSink.accept(base, n);
        } else {
            b.emit(Opcode.ResultRow, base, n);
        }
    }

    static ResultInfo info(String... names) {
        ResultInfo info = new ResultInfo();
        for (String n : names) {
            info.names.add(n);
            info.declTypes.add(null);
            info.affinities.add(Affinity.NONE);
            info.collations.add(dev.petrel.record.Collation.BINARY);
        }
        return info;
    }

    /** Whether {@code name} is a pragma {@code pragma_NAME} can read as a table (one that reports rows). */
    static boolean readable(String name) {
        switch (name) {
            case "integrity_check":
            case "quick_check":
            case "user_version":
            case "application_id":
            case "schema_version":
            case "freelist_count":
            case "page_count":
            case "journal_mode":
            case "foreign_keys":
            case "recursive_triggers":
            case "defer_foreign_keys":
            case "foreign_key_check":
                return true;
            default:
                return SETTINGS.contains(name) && !name.equals("case_sensitive_like") && !name.equals("wal_checkpoint");
        }
    }
}
