package dev.petrel.sql.ast;

import java.util.List;

/**
 * The {@code REFERENCES table [(columns)] ...} clause. onDelete/onUpdate are NONE when not given (the last one
 * written wins, as in SQLite); match is null when absent. deferrable: null = not said, TRUE = DEFERRABLE, FALSE =
 * NOT DEFERRABLE; initiallyDeferred: null = not said, TRUE = INITIALLY DEFERRED, FALSE = INITIALLY IMMEDIATE.
 */
public record ForeignKey(int pos, String table, List<String> columns, Action onDelete, Action onUpdate,
                         String match, Boolean deferrable, Boolean initiallyDeferred) implements Node {

    public enum Action { NONE, SET_NULL, SET_DEFAULT, CASCADE, RESTRICT, NO_ACTION }
}
