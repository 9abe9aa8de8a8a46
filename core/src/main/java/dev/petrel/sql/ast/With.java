package dev.petrel.sql.ast;

import java.util.List;

/** A WITH clause. */
public record With(int pos, boolean recursive, List<Cte> ctes) implements Node {

    public enum Materialized { NONE, MATERIALIZED, NOT_MATERIALIZED }

    /** {@code name [(columns)] AS [[NOT] MATERIALIZED] (select)}. */
    public record Cte(int pos, String name, List<String> columns, Materialized materialized, Select select)
            implements Node {}
}
