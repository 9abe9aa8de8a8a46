package dev.petrel.sql.lexer;

import java.util.HashMap;
import java.util.Map;

/**
 * SQLite's 147 keywords (sqlite.org/lang_keywords.html) and how each may double as a name.
 *
 * <p>SQLite's grammar lets most keywords stand for an identifier wherever the keyword itself would be a syntax
 * error (its "fallback ID" list). {@link Kind} records which group each keyword is in; the parser decides from
 * context. {@code TRUE}, {@code FALSE} and {@code CONCURRENT} are not keywords (plain identifiers the parser
 * recognises by text).
 */
public enum Keyword {
    ABORT(Kind.FALLBACK),
    ACTION(Kind.FALLBACK),
    ADD(Kind.RESERVED),
    AFTER(Kind.FALLBACK),
    ALL(Kind.RESERVED),
    ALTER(Kind.RESERVED),
    ALWAYS(Kind.FALLBACK),
    ANALYZE(Kind.FALLBACK),
    AND(Kind.RESERVED),
    AS(Kind.RESERVED),
    ASC(Kind.FALLBACK),
    ATTACH(Kind.FALLBACK),
    AUTOINCREMENT(Kind.RESERVED),
    BEFORE(Kind.FALLBACK),
    BEGIN(Kind.FALLBACK),
    BETWEEN(Kind.RESERVED),
    BY(Kind.FALLBACK),
    CASCADE(Kind.FALLBACK),
    CASE(Kind.RESERVED),
    CAST(Kind.FALLBACK),
    CHECK(Kind.RESERVED),
    COLLATE(Kind.RESERVED),
    COLUMN(Kind.FALLBACK),
    COMMIT(Kind.RESERVED),
    CONFLICT(Kind.FALLBACK),
    CONSTRAINT(Kind.RESERVED),
    CREATE(Kind.RESERVED),
    CROSS(Kind.JOIN_KW),
    CURRENT(Kind.FALLBACK),
    CURRENT_DATE(Kind.FALLBACK),
    CURRENT_TIME(Kind.FALLBACK),
    CURRENT_TIMESTAMP(Kind.FALLBACK),
    DATABASE(Kind.FALLBACK),
    DEFAULT(Kind.RESERVED),
    DEFERRABLE(Kind.RESERVED),
    DEFERRED(Kind.FALLBACK),
    DELETE(Kind.RESERVED),
    DESC(Kind.FALLBACK),
    DETACH(Kind.FALLBACK),
    DISTINCT(Kind.RESERVED),
    DO(Kind.FALLBACK),
    DROP(Kind.RESERVED),
    EACH(Kind.FALLBACK),
    ELSE(Kind.RESERVED),
    END(Kind.FALLBACK),
    ESCAPE(Kind.RESERVED),
    EXCEPT(Kind.RESERVED),
    EXCLUDE(Kind.FALLBACK),
    EXCLUSIVE(Kind.FALLBACK),
    EXISTS(Kind.RESERVED),
    EXPLAIN(Kind.FALLBACK),
    FAIL(Kind.FALLBACK),
    FILTER(Kind.CONTEXTUAL),
    FIRST(Kind.FALLBACK),
    FOLLOWING(Kind.FALLBACK),
    FOR(Kind.FALLBACK),
    FOREIGN(Kind.RESERVED),
    FROM(Kind.RESERVED),
    FULL(Kind.JOIN_KW),
    GENERATED(Kind.FALLBACK),
    GLOB(Kind.FALLBACK),
    GROUP(Kind.RESERVED),
    GROUPS(Kind.FALLBACK),
    HAVING(Kind.RESERVED),
    IF(Kind.FALLBACK),
    IGNORE(Kind.FALLBACK),
    IMMEDIATE(Kind.FALLBACK),
    IN(Kind.RESERVED),
    INDEX(Kind.RESERVED),
    INDEXED(Kind.ID_ONLY),
    INITIALLY(Kind.FALLBACK),
    INNER(Kind.JOIN_KW),
    INSERT(Kind.RESERVED),
    INSTEAD(Kind.FALLBACK),
    INTERSECT(Kind.RESERVED),
    INTO(Kind.RESERVED),
    IS(Kind.RESERVED),
    ISNULL(Kind.RESERVED),
    JOIN(Kind.RESERVED),
    KEY(Kind.FALLBACK),
    LAST(Kind.FALLBACK),
    LEFT(Kind.JOIN_KW),
    LIKE(Kind.FALLBACK),
    LIMIT(Kind.RESERVED),
    MATCH(Kind.FALLBACK),
    MATERIALIZED(Kind.FALLBACK),
    NATURAL(Kind.JOIN_KW),
    NO(Kind.FALLBACK),
    NOT(Kind.RESERVED),
    NOTHING(Kind.RESERVED),
    NOTNULL(Kind.RESERVED),
    NULL(Kind.RESERVED),
    NULLS(Kind.FALLBACK),
    OF(Kind.FALLBACK),
    OFFSET(Kind.FALLBACK),
    ON(Kind.RESERVED),
    OR(Kind.RESERVED),
    ORDER(Kind.RESERVED),
    OTHERS(Kind.FALLBACK),
    OUTER(Kind.JOIN_KW),
    OVER(Kind.CONTEXTUAL),
    PARTITION(Kind.FALLBACK),
    PLAN(Kind.FALLBACK),
    PRAGMA(Kind.FALLBACK),
    PRECEDING(Kind.FALLBACK),
    PRIMARY(Kind.RESERVED),
    QUERY(Kind.FALLBACK),
    RAISE(Kind.FALLBACK),
    RANGE(Kind.FALLBACK),
    RECURSIVE(Kind.FALLBACK),
    REFERENCES(Kind.RESERVED),
    REGEXP(Kind.FALLBACK),
    REINDEX(Kind.FALLBACK),
    RELEASE(Kind.FALLBACK),
    RENAME(Kind.FALLBACK),
    REPLACE(Kind.FALLBACK),
    RESTRICT(Kind.FALLBACK),
    RETURNING(Kind.RESERVED),
    RIGHT(Kind.JOIN_KW),
    ROLLBACK(Kind.FALLBACK),
    ROW(Kind.FALLBACK),
    ROWS(Kind.FALLBACK),
    SAVEPOINT(Kind.FALLBACK),
    SELECT(Kind.RESERVED),
    SET(Kind.RESERVED),
    TABLE(Kind.RESERVED),
    TEMP(Kind.FALLBACK),
    TEMPORARY(Kind.FALLBACK),
    THEN(Kind.RESERVED),
    TIES(Kind.FALLBACK),
    TO(Kind.RESERVED),
    TRANSACTION(Kind.RESERVED),
    TRIGGER(Kind.FALLBACK),
    UNBOUNDED(Kind.FALLBACK),
    UNION(Kind.RESERVED),
    UNIQUE(Kind.RESERVED),
    UPDATE(Kind.RESERVED),
    USING(Kind.RESERVED),
    VACUUM(Kind.FALLBACK),
    VALUES(Kind.RESERVED),
    VIEW(Kind.FALLBACK),
    VIRTUAL(Kind.FALLBACK),
    WHEN(Kind.RESERVED),
    WHERE(Kind.RESERVED),
    WINDOW(Kind.CONTEXTUAL),
    WITH(Kind.FALLBACK),
    WITHOUT(Kind.FALLBACK);

    /** How a keyword may be used as a name. */
    public enum Kind {
        /** Never a name unless quoted (e.g. SELECT, FROM, NULL). */
        RESERVED,
        /** Falls back to an identifier wherever the keyword is not expected (e.g. KEY, ACTION, REPLACE). */
        FALLBACK,
        /** CROSS, FULL, INNER, LEFT, NATURAL, OUTER, RIGHT: a name ({@code nm}) or function name, not an alias. */
        JOIN_KW,
        /** INDEXED: an {@code id} (table/column name) but not an alias without AS. */
        ID_ONLY,
        /**
         * FILTER, OVER, WINDOW: keywords only where SQLite's tokenizer sees them as such from the neighbouring
         * tokens (FILTER after ')' before '('; OVER after ')' before '(' or a name; WINDOW before a name and AS);
         * elsewhere the parser turns them into plain identifiers.
         */
        CONTEXTUAL
    }

    private final Kind kind;

    Keyword(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True for keywords that can act as an identifier ({@code id} in SQLite's grammar). */
    public boolean isIdFallback() {
        return kind == Kind.FALLBACK || kind == Kind.ID_ONLY;
    }

    private static final Map<String, Keyword> BY_NAME = new HashMap<>();

    static {
        for (Keyword k : values()) {
            BY_NAME.put(k.name(), k);
        }
    }

    /** The keyword spelled by {@code word} (any letter case), or null. */
    public static Keyword lookup(String word) {
        int n = word.length();
        if (n < 2 || n > 17) {
            return null;
        }
        char[] up = new char[n];
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            } else if (c >= 0x80) {
                return null;
            }
            up[i] = c;
        }
        return BY_NAME.get(new String(up));
    }
}
