package dev.petrel.sql.parser;

import dev.petrel.api.PetrelException;
import dev.petrel.sql.ast.ColumnConstraint;
import dev.petrel.sql.ast.ColumnDef;
import dev.petrel.sql.ast.Expr;
import dev.petrel.sql.ast.IndexedColumn;
import dev.petrel.sql.ast.SortOrder;
import dev.petrel.sql.ast.Stmt;
import dev.petrel.sql.ast.TableConstraint;
import dev.petrel.sql.lexer.Lexer;
import dev.petrel.sql.lexer.Token;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks SQLite makes on a CREATE TABLE while parsing it, which need no schema: duplicate columns, primary
 * key and AUTOINCREMENT rules, WITHOUT ROWID and STRICT requirements, generated-column rules. Messages are
 * SQLite's; checks run in the order SQLite makes them (columns in order, then the end-of-table checks).
 */
public final class CreateTableCheck {
    private CreateTableCheck() {
    }

    /** The type names a STRICT table accepts. */
    private static final Set<String> STRICT_TYPES = Set.of("INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY");

    static void check(Stmt.CreateTable ct) {
        if (ct.asSelect() != null) {
            return;
        }
        Set<String> names = new HashSet<>();
        boolean havePk = false;
        boolean autoincrement = false;
        int generated = 0;
        for (ColumnDef c : ct.columns()) {
            if (!names.add(lower(c.name()))) {
                throw fail(c.pos(), "duplicate column name: " + c.name());
            }
            boolean isGenerated = false;
            boolean hasDefault = false;
            for (ColumnConstraint cc : c.constraints()) {
                if (cc instanceof ColumnConstraint.Generated) {
                    isGenerated = true;
                    if (hasDefault) {
                        throw fail(cc.pos(), "error in generated column \"" + c.name() + "\"");
                    }
                } else if (cc instanceof ColumnConstraint.Default) {
                    hasDefault = true;
                    if (isGenerated) {
                        throw fail(cc.pos(), "cannot use DEFAULT on a generated column");
                    }
                } else if (cc instanceof ColumnConstraint.PrimaryKey pk) {
                    if (havePk) {
                        throw fail(cc.pos(), "table \"" + ct.name() + "\" has more than one primary key");
                    }
                    havePk = true;
                    if (isGenerated) {
                        throw fail(cc.pos(), "generated columns cannot be part of the PRIMARY KEY");
                    }
                    if (pk.autoincrement()) {
                        if (!isIntegerType(c) || pk.order() == SortOrder.DESC) {
                            throw fail(cc.pos(), "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
                        }
                        autoincrement = true;
                    }
                }
            }
            if (isGenerated) {
                generated++;
                for (ColumnConstraint cc : c.constraints()) {
                    if (cc instanceof ColumnConstraint.PrimaryKey) {
                        throw fail(cc.pos(), "generated columns cannot be part of the PRIMARY KEY");
                    }
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.PrimaryKey pk) {
                if (havePk) {
                    throw fail(tc.pos(), "table \"" + ct.name() + "\" has more than one primary key");
                }
                havePk = true;
                if (pk.autoincrement()) {
                    ColumnDef col = pk.columns().size() == 1 ? column(ct, pk.columns().get(0)) : null;
                    if (col == null || !isIntegerType(col)) {
                        throw fail(tc.pos(), "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
                    }
                    autoincrement = true;
                }
            }
        }
        if (ct.strict()) {
            for (ColumnDef c : ct.columns()) {
                if (c.type() == null) {
                    throw fail(c.pos(), "missing datatype for " + ct.name() + "." + c.name());
                }
                if (standardType(c) == null) {
                    throw fail(c.pos(), "unknown datatype for " + ct.name() + "." + c.name() + ": \""
                            + c.type().declared() + "\"");
                }
            }
        }
        if (ct.withoutRowid()) {
            if (autoincrement) {
                throw fail(ct.pos(), "AUTOINCREMENT not allowed on WITHOUT ROWID tables");
            }
            if (!havePk) {
                throw fail(ct.pos(), "PRIMARY KEY missing on table " + ct.name());
            }
        }
        if (generated > 0 && generated == ct.columns().size()) {
            throw fail(ct.pos(), "must have at least one non-generated column");
        }
    }

    private static ColumnDef column(Stmt.CreateTable ct, IndexedColumn ic) {
        Expr e = ic.expr();
        while (e instanceof Expr.Collate c) {
            e = c.operand();
        }
        if (e instanceof Expr.ColumnRef ref && ref.table() == null) {
            for (ColumnDef c : ct.columns()) {
                if (c.name().equalsIgnoreCase(ref.column())) {
                    return c;
                }
            }
        }
        return null;
    }

    private static boolean isIntegerType(ColumnDef c) {
        return "INTEGER".equals(standardType(c));
    }

    /**
     * The standard type (INT, INTEGER, REAL, TEXT, BLOB, ANY) a column's type names exactly, or null: SQLite
     * matches the whole type text, dequoted only when it is a single quoted word. This, not the declared type,
     * decides STRICT validity and whether a PRIMARY KEY is an INTEGER PRIMARY KEY.
     */
    public static String standardType(ColumnDef c) {
        if (c.type() == null) {
            return null;
        }
        String text = c.type().sourceText();
        List<Token> toks = Lexer.tokenize(text);
        if (toks.size() == 2) {
            text = ParserCore.nameOf(toks.get(0));
        }
        String u = upper(text);
        return STRICT_TYPES.contains(u) ? u : null;
    }

    private static PetrelException fail(int pos, String message) {
        return SqlSyntaxError.at(pos, message);
    }

    private static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return b.toString();
    }

    private static String upper(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch >= 'a' && ch <= 'z' ? (char) (ch - 32) : ch);
        }
        return b.toString();
    }
}
