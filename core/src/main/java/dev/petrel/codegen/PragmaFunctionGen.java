package dev.petrel.codegen;

import dev.petrel.api.PetrelException;
import dev.petrel.plan.Source;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.value.Affinity;
import dev.petrel.value.Values;
import dev.petrel.vm.Opcode;
import java.util.List;
import java.util.Locale;

/**
 * The pragma table-valued functions ({@code SELECT * FROM pragma_table_info('t')}, sqlite.org/pragma.html
 * "PRAGMA functions"). Two ways:
 * <ul>
 *   <li>catalogue pragmas (table_info, index_list, function_list...) are ordinary table-valued functions
 *       ({@link PragmaTableFunction}), computed when their loop starts: arguments may be correlated and the hidden
 *       columns {@code arg}/{@code schema} may be bound by WHERE terms;</li>
 *   <li>the other pragmas that report rows (user_version, integrity_check, journal_mode...) run their
 *       {@link PragmaGen} code once, before the query, into an ephemeral table read as a derived source; their
 *       arguments must be constants.</li>
 * </ul>
 */
final class PragmaFunctionGen {
    private PragmaFunctionGen() {
    }

    private static final String PREFIX = "pragma_";

    /** The source for {@code pragma_NAME(args)}, or null when {@code name} is no pragma function Petrel has. */
    static Source source(Compiler c, String name, String alias, List<Expr> args) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(PREFIX)) {
            return null;
        }
        String pragma = lower.substring(PREFIX.length());
        if (PragmaRows.NAMES.contains(pragma)) {
            PragmaTableFunction f = new PragmaTableFunction(pragma, c.schema, c.functions, PragmaGen.viewShape(c));
            return TableFunctionGen.source(c, f, alias, args);
        }
        if (!PragmaGen.readable(pragma)) {
            return null;
        }
        boolean takesArgument = pragma.equals("integrity_check") || pragma.equals("quick_check")
                || pragma.equals("foreign_key_check");
        List<String> hidden = takesArgument ? List.of("arg", "schema") : List.of();
        if (args.size() > hidden.size()) {
            throw PetrelException.error("too many arguments on " + lower + "() - max " + hidden.size());
        }
        String arg = args.isEmpty() ? null : constantText(args.get(0), lower);
        String schema = args.size() == 2 ? constantText(args.get(1), lower) : null;
        if (schema != null && c.schema.dbIndex(schema) < 0) {
            throw PetrelException.error("unknown database '" + schema + "'");
        }
        ProgramBuilder b = c.b;
        int cur = b.cursor();
        b.emit(Opcode.OpenEphemeral, cur, 0);
        int rec = b.reg();
        int rowid = b.reg();
        PragmaGen gen = new PragmaGen(c);
        gen.rowSink = (base, n) -> {
            b.emit(Opcode.MakeRecord, base, n, rec);
            b.emit(Opcode.NewRowid, cur, rowid);
            b.emit(Opcode.Insert, cur, rec, rowid);
        };
        ResultInfo info = gen.pragma(new Stmt.Pragma(0, schema, pragma, arg));
        Source s = new Source(alias != null ? alias : lower, null, true);
        s.cursor = cur;
        for (int i = 0; i < info.size(); i++) {
            s.columnNames.add(info.names.get(i));
            s.affinities.add(info.affinities.get(i));
            s.collations.add(info.collations.get(i));
            s.declTypes.add(info.declTypes.get(i));
        }
        s.hiddenStart = info.size();
        for (String h : hidden) {
            s.columnNames.add(h);
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
