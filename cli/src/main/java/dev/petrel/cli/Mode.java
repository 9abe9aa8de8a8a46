package dev.petrel.cli;

/** The output modes of {@code .mode}, named as sqlite3 names them. */
enum Mode {
    LIST("list"), CSV("csv"), COLUMN("column"), BOX("box"), TABLE("table"), MARKDOWN("markdown"), JSON("json"),
    LINE("line"), QUOTE("quote"), TABS("tabs"), INSERT("insert"), ASCII("ascii"), HTML("html");

    final String word;

    Mode(String word) {
        this.word = word;
    }

    /** Whether the mode buffers every row to size its columns. */
    boolean columnar() {
        return this == COLUMN || this == BOX || this == TABLE || this == MARKDOWN;
    }

    /** The mode {@code .mode} names by {@code word} (sqlite3 accepts any unambiguous prefix; so do we). */
    static Mode byWord(String word) {
        Mode found = null;
        for (Mode m : values()) {
            if (m.word.equals(word)) {
                return m;
            }
            if (m.word.startsWith(word) && !word.isEmpty()) {
                found = found == null ? m : null;
            }
        }
        return word.equals("lines") ? LINE : found;
    }
}
