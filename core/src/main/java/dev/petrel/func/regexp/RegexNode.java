package dev.petrel.func.regexp;

import java.util.List;

/** The parse tree of a pattern ({@link RegexParser} builds it, {@link RegexProgram} compiles it). */
sealed interface RegexNode {
    /**
     * One character out of a set of code point ranges ({@code ranges} holds inclusive lo, hi pairs), or outside
     * them when {@code negated}. A literal is a set of one character; '.' is the negated empty set.
     */
    record Set(int[] ranges, boolean negated) implements RegexNode {
        static final Set ANY = new Set(new int[0], true);

        boolean contains(int c) {
            for (int i = 0; i < ranges.length; i += 2) {
                if (c >= ranges[i] && c <= ranges[i + 1]) {
                    return !negated;
                }
            }
            return negated;
        }
    }

    /** A zero-width test at the current position: {@link #BEGIN}, {@link #END} or {@link #WORD_BOUNDARY}. */
    record Assert(int kind) implements RegexNode {
        static final int BEGIN = 0;
        static final int END = 1;
        static final int WORD_BOUNDARY = 2;
    }

    /** The items one after the other (no items: the empty string). */
    record Concat(List<RegexNode> items) implements RegexNode {
    }

    /** Any one of the alternatives. */
    record Alt(List<RegexNode> alternatives) implements RegexNode {
    }

    /** {@code min} to {@code max} occurrences of {@code item}; {@code max} -1 means no upper bound. */
    record Repeat(RegexNode item, int min, int max) implements RegexNode {
    }
}
