package dev.petrel.sql.parser;

import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.IndexedColumn;
import dev.petrel.sql.ast.NullsOrder;
import dev.petrel.sql.ast.OrderingTerm;
import dev.petrel.sql.ast.Select;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.sql.ast.TypeName;
import dev.petrel.sql.ast.WindowSpec;

import java.util.List;

/**
 * The base of the SQL printers: the output buffer, name quoting, expressions (with the parser's precedence table,
 * so that parentheses appear only where needed), window specifications and ordering terms. Subclasses add
 * statements; {@link #select} is abstract because subqueries live inside expressions.
 */
abstract class ExprPrinter {
    final StringBuilder out = new StringBuilder();

    final ExprPrinter w(String s) {
        out.append(s);
        return this;
    }

    final ExprPrinter name(String s) {
        out.append(SqlPrinter.quoteName(s));
        return this;
    }

    final void names(List<String> list) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                w(", ");
            }
            name(list.get(i));
        }
    }

    final void qualified(String schema, String name) {
        if (schema != null) {
            name(schema).w(".");
        }
        name(name);
    }

    abstract void select(Select s);

    // ---- expressions ----

    static final int ATOM = 13;

    static int prec(Expr e) {
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case OR:
                    return ExprParser.PREC_OR;
                case AND:
                    return ExprParser.PREC_AND;
                case EQ:
                case NE:
                case IS:
                case IS_NOT:
                    return ExprParser.PREC_EQ;
                case LT:
                case LE:
                case GT:
                case GE:
                    return ExprParser.PREC_CMP;
                case BITAND:
                case BITOR:
                case LSHIFT:
                case RSHIFT:
                    return ExprParser.PREC_BIT;
                case ADD:
                case SUB:
                    return ExprParser.PREC_ADD;
                case MUL:
                case DIV:
                case MOD:
                    return ExprParser.PREC_MUL;
                default:
                    return ExprParser.PREC_CONCAT;
            }
        }
        if (e instanceof Expr.Like || e instanceof Expr.Between || e instanceof Expr.InList
                || e instanceof Expr.InSelect || e instanceof Expr.InTable || e instanceof Expr.NullTest) {
            return ExprParser.PREC_EQ;
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnaryOp.NOT ? ExprParser.PREC_NOT : 12;
        }
        if (e instanceof Expr.Collate) {
            return ExprParser.PREC_COLLATE;
        }
        return ATOM;
    }

    /** Prints {@code e}, parenthesised if it binds more loosely than {@code minPrec}. */
    final void expr(Expr e, int minPrec) {
        if (prec(e) < minPrec) {
            w("(");
            expr(e);
            w(")");
        } else {
            expr(e);
        }
    }

    final void exprs(List<Expr> list) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                w(", ");
            }
            expr(list.get(i));
        }
    }

    private static String binaryOp(Expr.BinaryOp op) {
        switch (op) {
            case OR:
                return "OR";
            case AND:
                return "AND";
            case EQ:
                return "=";
            case NE:
                return "!=";
            case IS:
                return "IS";
            case IS_NOT:
                return "IS NOT";
            case LT:
                return "<";
            case LE:
                return "<=";
            case GT:
                return ">";
            case GE:
                return ">=";
            case BITAND:
                return "&";
            case BITOR:
                return "|";
            case LSHIFT:
                return "<<";
            case RSHIFT:
                return ">>";
            case ADD:
                return "+";
            case SUB:
                return "-";
            case MUL:
                return "*";
            case DIV:
                return "/";
            case MOD:
                return "%";
            case CONCAT:
                return "||";
            case PTR:
                return "->";
            default:
                return "->>";
        }
    }

    final void expr(Expr e) {
        if (e instanceof Expr.Literal l) {
            literal(l);
        } else if (e instanceof Expr.Param pm) {
            w(pm.name());
        } else if (e instanceof Expr.ColumnRef c) {
            if (c.schema() != null) {
                name(c.schema()).w(".");
            }
            if (c.table() != null) {
                name(c.table()).w(".").name(c.column());
            } else if (c.doubleQuoted()) {
                w("\"" + c.column().replace("\"", "\"\"") + "\"");
            } else if (SqlPrinter.isBareName(c.column())) {
                w(c.column());
            } else {
                w("`" + c.column().replace("`", "``") + "`");
            }
        } else if (e instanceof Expr.Unary u) {
            if (u.op() == Expr.UnaryOp.NOT) {
                w("NOT ");
                expr(u.operand(), ExprParser.PREC_NOT);
            } else {
                w(u.op() == Expr.UnaryOp.NEG ? "-" : u.op() == Expr.UnaryOp.POS ? "+" : "~");
                int mark = out.length();
                expr(u.operand(), 12);
                char c = out.length() > mark ? out.charAt(mark) : ' ';
                if (c == '-' || c == '+') {
                    out.insert(mark, ' ');
                }
            }
        } else if (e instanceof Expr.Binary b) {
            binary(b);
        } else if (e instanceof Expr.Like l) {
            expr(l.left(), ExprParser.PREC_EQ);
            w(l.not() ? " NOT " : " ").w(l.op().name()).w(" ");
            expr(l.pattern(), ExprParser.PREC_EQ + 1);
            if (l.escape() != null) {
                w(" ESCAPE ");
                expr(l.escape(), ExprParser.PREC_EQ + 1);
            }
        } else if (e instanceof Expr.Between b) {
            expr(b.operand(), ExprParser.PREC_EQ);
            w(b.not() ? " NOT BETWEEN " : " BETWEEN ");
            expr(b.low(), ExprParser.PREC_EQ + 1);
            w(" AND ");
            expr(b.high(), ExprParser.PREC_EQ + 1);
        } else if (e instanceof Expr.InList in) {
            expr(in.operand(), ExprParser.PREC_EQ);
            w(in.not() ? " NOT IN (" : " IN (");
            exprs(in.list());
            w(")");
        } else if (e instanceof Expr.InSelect in) {
            expr(in.operand(), ExprParser.PREC_EQ);
            w(in.not() ? " NOT IN (" : " IN (");
            select(in.select());
            w(")");
        } else if (e instanceof Expr.InTable in) {
            expr(in.operand(), ExprParser.PREC_EQ);
            w(in.not() ? " NOT IN " : " IN ");
            qualified(in.schema(), in.table());
            if (in.args() != null) {
                w("(");
                exprs(in.args());
                w(")");
            }
        } else if (e instanceof Expr.NullTest nt) {
            expr(nt.operand(), ExprParser.PREC_EQ);
            w(nt.notNull() ? " NOTNULL" : " ISNULL");
        } else if (e instanceof Expr.Exists ex) {
            w("EXISTS (");
            select(ex.select());
            w(")");
        } else if (e instanceof Expr.Subquery sq) {
            w("(");
            select(sq.select());
            w(")");
        } else if (e instanceof Expr.Case c) {
            w("CASE");
            if (c.base() != null) {
                w(" ");
                expr(c.base());
            }
            for (Expr.WhenThen wt : c.whens()) {
                w(" WHEN ");
                expr(wt.when());
                w(" THEN ");
                expr(wt.then());
            }
            if (c.elseExpr() != null) {
                w(" ELSE ");
                expr(c.elseExpr());
            }
            w(" END");
        } else if (e instanceof Expr.Cast c) {
            w("CAST(");
            expr(c.operand());
            w(" AS");
            if (c.type() != null) {
                w(" ");
                typeName(c.type());
            }
            w(")");
        } else if (e instanceof Expr.Collate c) {
            expr(c.operand(), ExprParser.PREC_COLLATE);
            w(" COLLATE ").name(c.collation());
        } else if (e instanceof Expr.FunctionCall f) {
            functionCall(f);
        } else if (e instanceof Expr.RowValue rv) {
            w("(");
            exprs(rv.values());
            w(")");
        } else if (e instanceof Expr.Raise r) {
            w("RAISE(").w(r.kind().name());
            if (r.message() != null) {
                w(", ");
                expr(r.message());
            }
            w(")");
        } else {
            throw new IllegalArgumentException("cannot print " + e);
        }
    }

    /**
     * A binary operator. The left spine of same-precedence operators (long AND chains, sums) is walked in a loop so
     * that printing a tree as tall as the parser accepts needs little Java stack.
     */
    private void binary(Expr.Binary top) {
        int p = prec(top);
        java.util.ArrayList<Expr.Binary> spine = new java.util.ArrayList<>();
        Expr cur = top;
        while (cur instanceof Expr.Binary b && prec(b) == p) {
            spine.add(b);
            cur = b.left();
        }
        expr(cur, p);
        for (int i = spine.size() - 1; i >= 0; i--) {
            Expr.Binary b = spine.get(i);
            w(" ").w(binaryOp(b.op())).w(" ");
            expr(b.right(), p + 1);
        }
    }

    private void literal(Expr.Literal l) {
        if (l.text() != null) {
            w(l.text());
            return;
        }
        Object v = l.value();
        switch (l.kind()) {
            case STRING:
                w(SqlPrinter.quoteString((String) v));
                break;
            case BLOB: {
                StringBuilder b = new StringBuilder("X'");
                for (byte x : (byte[]) v) {
                    b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
                }
                w(b.append('\'').toString());
                break;
            }
            case INTEGER:
            case REAL:
                w(String.valueOf(v));
                break;
            default:
                w(l.kind().name());
                break;
        }
    }

    private void functionCall(Expr.FunctionCall f) {
        name(f.name()).w("(");
        if (f.star()) {
            w("*");
        } else {
            if (f.distinct()) {
                w("DISTINCT ");
            }
            exprs(f.args());
            if (!f.orderBy().isEmpty()) {
                w(" ORDER BY ");
                orderingTerms(f.orderBy());
            }
        }
        w(")");
        if (f.filter() != null) {
            w(" FILTER (WHERE ");
            expr(f.filter());
            w(")");
        }
        if (f.over() != null) {
            w(" OVER ");
            if (f.over().windowName() != null) {
                name(f.over().windowName());
            } else {
                windowSpec(f.over().spec());
            }
        }
    }

    final void typeName(TypeName t) {
        if (t.sourceText() != null) {
            w(t.sourceText());
            return;
        }
        String[] words = t.name().split(" ");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                w(" ");
            }
            name(words[i]);
        }
        if (!t.args().isEmpty()) {
            w("(").w(String.join(", ", t.args())).w(")");
        }
    }

    final void orderingTerms(List<OrderingTerm> terms) {
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                w(", ");
            }
            OrderingTerm t = terms.get(i);
            expr(t.expr());
            sortOrder(t.order());
            if (t.nulls() != NullsOrder.NONE) {
                w(t.nulls() == NullsOrder.FIRST ? " NULLS FIRST" : " NULLS LAST");
            }
        }
    }

    final void sortOrder(SortOrder o) {
        if (o != SortOrder.NONE) {
            w(o == SortOrder.ASC ? " ASC" : " DESC");
        }
    }

    final void indexedColumns(List<IndexedColumn> cols) {
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                w(", ");
            }
            expr(cols.get(i).expr());
            sortOrder(cols.get(i).order());
        }
    }

    final void windowSpec(WindowSpec s) {
        w("(");
        String sep = "";
        if (s.baseName() != null) {
            name(s.baseName());
            sep = " ";
        }
        if (!s.partitionBy().isEmpty()) {
            w(sep).w("PARTITION BY ");
            exprs(s.partitionBy());
            sep = " ";
        }
        if (!s.orderBy().isEmpty()) {
            w(sep).w("ORDER BY ");
            orderingTerms(s.orderBy());
            sep = " ";
        }
        WindowSpec.Frame f = s.frame();
        if (f != null) {
            w(sep).w(f.unit().name());
            if (f.end() != null) {
                w(" BETWEEN ");
                bound(f.start());
                w(" AND ");
                bound(f.end());
            } else {
                w(" ");
                bound(f.start());
            }
            switch (f.exclude()) {
                case NO_OTHERS:
                    w(" EXCLUDE NO OTHERS");
                    break;
                case CURRENT_ROW:
                    w(" EXCLUDE CURRENT ROW");
                    break;
                case GROUP:
                    w(" EXCLUDE GROUP");
                    break;
                case TIES:
                    w(" EXCLUDE TIES");
                    break;
                default:
                    break;
            }
        }
        w(")");
    }

    private void bound(WindowSpec.Bound b) {
        switch (b.kind()) {
            case UNBOUNDED_PRECEDING:
                w("UNBOUNDED PRECEDING");
                break;
            case UNBOUNDED_FOLLOWING:
                w("UNBOUNDED FOLLOWING");
                break;
            case CURRENT_ROW:
                w("CURRENT ROW");
                break;
            case PRECEDING:
                expr(b.offset());
                w(" PRECEDING");
                break;
            default:
                expr(b.offset());
                w(" FOLLOWING");
                break;
        }
    }
}
