package dev.petrel.sql.ast;

import java.util.List;

/**
 * One {@code ON CONFLICT [(target) [WHERE ..]] DO NOTHING | DO UPDATE SET .. [WHERE ..]} clause. target is empty
 * for the catch-all form; sets is empty for DO NOTHING.
 */
public record Upsert(int pos, List<IndexedColumn> target, Expr targetWhere, boolean doNothing, List<SetClause> sets,
                     Expr where) implements Node {}
