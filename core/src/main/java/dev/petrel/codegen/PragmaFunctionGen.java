package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.plan.Source;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.value.Affinity;
import dev.petrel.value.Values;
import dev.petrel.vm.Opcode;
import java.util.List;

/**
 * The pragma table-valued functions ({@code SELECT * FROM pragma_table_info('t')}, sqlite.org/pragma.html
 * "PRAGMA functions"): the rows of {@link DdlGen#pragma} for the same pragma, materialized into an ephemeral table
 * that the query reads as a derived source, with the hidden columns {@code arg} and {@code schema}.
 *
 * <p>Petrel computes these pragma rows while compiling, so the argument must be a constant; a correlated argument
 * ({@code FROM sqlite_schema s, pragma_table_info(s.name)}) is reported as an error rather than answered wrongly.
 */
final class PragmaFunctionGen {
    private PragmaFunctionGen() {
    }

    /** Pragmas with rows that can be read as a table. */
    private static final List<String> SUPPORTED = List.of("table_info", "table_xinfo", "index_list", "index_info",
            "database_list");
    private static final String PREFIX = "pragma_";

    /** The source for {@code pragma_NAME(args)}, or null when {@code name} is no pragma function Petrel has. */
    static Source source(Compiler c, String name, String alias, List<Expr> args) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith(PREFIX) || !SUPPORTED.contains(lower.substring(PREFIX.length()))) {
            return null;
        }
        if (args.size() > 2) {
            throw PetrelException.error("too many arguments on " + lower + "() - max 2");
        }
        String arg = args.isEmpty() ? null : constantText(args.get(0), lower);
        String schema = args.size() == 2 ? constantText(args.get(1), lower) : null;
        ProgramBuilder b = c.b;
        int cur = b.cursor();
        b.emit(Opcode.OpenEphemeral, cur, 0);
        int rec = b.reg();
        int rowid = b.reg();
        DdlGen ddl = new DdlGen(c);
        ddl.rowSink = (base, n) -> {
            b.emit(Opcode.MakeRecord, base, n, rec);
            b.emit(Opcode.NewRowid, cur, rowid);
            b.emit(Opcode.Insert, cur, rec, rowid);
        };
        ResultInfo info = ddl.pragma(new Stmt.Pragma(0, schema, lower.substring(PREFIX.length()), arg));
        Source s = new Source(alias != null ? alias : lower, null, true);
        s.cursor = cur;
        for (int i = 0; i < info.size(); i++) {
            s.columnNames.add(info.names.get(i));
            s.affinities.add(info.affinities.get(i));
            s.collations.add(info.collations.get(i));
            s.declTypes.add(info.declTypes.get(i));
        }
        s.hiddenStart = info.size();
        for (String hidden : List.of("arg", "schema")) {
            s.columnNames.add(hidden);
            s.affinities.add(Affinity.NONE);
            s.collations.add(null);
            s.declTypes.add(null);
        }
        return s;
    }

    private static String constantText(Expr e, String fn) {
        if (e instanceof Expr.Literal lit && lit.kind() != Expr.LiteralKind.CURRENT_TIME
                && lit.kind() != Expr.LiteralKind.CURRENT_DATE && lit.kind() != Expr.LiteralKind.CURRENT_TIMESTAMP) {
            return lit.value() == null ? null : Values.toText(lit.value());
        }
        throw PetrelException.error(fn + "() arguments must be constants in Petrel");
    }
}
