package dev.petrel.func.regexp;

import dev.petrel.api.PetrelException;
import dev.petrel.value.Patterns;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled pattern: a Thompson NFA as a small instruction list, run as a Pike VM (all threads advance together
 * over the text, one list entry per instruction), so {@link #find} takes O(instructions x text length) time and
 * O(instructions) space whatever the pattern; there is no backtracking.
 *
 * <p>Instructions: {@code SET k} consumes one character in set k; {@code ASSERT kind} is a zero-width test;
 * {@code SPLIT x y} forks; {@code JMP x}; {@code MATCH}. Counted repetition {@code X{m,n}} is expanded into
 * m copies of X followed by n-m optional copies (as the extension does), so a program's size is bounded: patterns
 * that would expand past {@link #MAX_INSTRUCTIONS} are rejected. Immutable once compiled; {@link #find} allocates
 * its own work arrays, so one program may serve several statements.
 */
public final class RegexProgram {
    /** The largest expanded program accepted (about 16 MB of work arrays). */
    static final int MAX_INSTRUCTIONS = 2_000_000;

    private static final int SET = 0;
    private static final int ASSERT = 1;
    private static final int SPLIT = 2;
    private static final int JMP = 3;
    private static final int MATCH = 4;

    private final int[] op;
    private final int[] x;
    private final int[] y;
    private final RegexNode.Set[] sets;
    /**
     * The pattern text starts with '^': as in the extension, that anchors the whole pattern, alternatives included
     * ({@code ^a|b$} matches only at position 0), so only position 0 starts threads.
     */
    private final boolean anchored;
    private int size;
    private final List<RegexNode.Set> setList = new ArrayList<>();

    private RegexProgram(RegexNode root, boolean anchored) {
        long estimate = size(root) + 1;
        if (estimate > MAX_INSTRUCTIONS) {
            throw PetrelException.error("regular expression too complex");
        }
        int n = (int) estimate;
        op = new int[n];
        x = new int[n];
        y = new int[n];
        emit(root);
        add(MATCH, 0, 0);
        sets = setList.toArray(new RegexNode.Set[0]);
        this.anchored = anchored;
    }

    /**
     * Compiles {@code pattern} in the regexp extension's dialect ({@link RegexParser}).
     *
     * @throws PetrelException SQLITE_ERROR with the extension's message for a malformed pattern
     */
    public static RegexProgram compile(String pattern) {
        return new RegexProgram(RegexParser.parse(pattern), pattern.startsWith("^"));
    }

    /** Whether the pattern matches anywhere in {@code text} (an unanchored search, as REGEXP is). */
    public boolean find(String text) {
        int[] t = Patterns.codePoints(text);
        int n = t.length;
        int[] cur = new int[size];
        int[] next = new int[size];
        int[] mark = new int[size];
        int[] stack = new int[size];
        int curN = 0;
        for (int i = 0; i <= n; i++) {
            if (i == 0 || !anchored) {
                int added = addThread(cur, curN, 0, t, i, mark, stack);
                if (added < 0) {
                    return true;
                }
                curN = added;
            }
            if (i == n || curN == 0 && anchored) {
                return false;
            }
            int c = t[i];
            int nextN = 0;
            for (int k = 0; k < curN; k++) {
                int pc = cur[k];
                if (sets[x[pc]].contains(c)) {
                    nextN = addThread(next, nextN, pc + 1, t, i + 1, mark, stack);
                    if (nextN < 0) {
                        return true;
                    }
                }
            }
            int[] swap = cur;
            cur = next;
            next = swap;
            curN = nextN;
        }
        return false;
    }

    /**
     * Follows the non-consuming instructions from {@code start} at text position {@code pos}, appending each
     * reachable SET instruction to {@code list} once (marks are stamped with pos + 1). Returns the new list length,
     * or -1 when MATCH is reachable.
     */
    private int addThread(int[] list, int listN, int start, int[] t, int pos, int[] mark, int[] stack) {
        int stamp = pos + 1;
        int sp = 0;
        stack[sp++] = start;
        while (sp > 0) {
            int pc = stack[--sp];
            if (mark[pc] == stamp) {
                continue;
            }
            mark[pc] = stamp;
            switch (op[pc]) {
                case SET -> list[listN++] = pc;
                case JMP -> stack[sp++] = x[pc];
                case SPLIT -> {
                    stack[sp++] = y[pc];
                    stack[sp++] = x[pc];
                }
                case ASSERT -> {
                    if (holds(x[pc], t, pos)) {
                        stack[sp++] = pc + 1;
                    }
                }
                default -> {
                    return -1;
                }
            }
        }
        return listN;
    }

    private static boolean holds(int kind, int[] t, int pos) {
        if (kind == RegexNode.Assert.BEGIN) {
            return pos == 0;
        }
        if (kind == RegexNode.Assert.END) {
            return pos == t.length;
        }
        boolean before = pos > 0 && isWordChar(t[pos - 1]);
        boolean after = pos < t.length && isWordChar(t[pos]);
        return before != after;
    }

    /** {@code \w}: ASCII letters, digits and underscore. */
    private static boolean isWordChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Instructions {@code node} compiles to, saturating at MAX_INSTRUCTIONS + 1. */
    private static long size(RegexNode node) {
        long s;
        if (node instanceof RegexNode.Concat c) {
            s = 0;
            for (RegexNode item : c.items()) {
                s += size(item);
            }
        } else if (node instanceof RegexNode.Alt a) {
            s = 2L * (a.alternatives().size() - 1);
            for (RegexNode item : a.alternatives()) {
                s += size(item);
            }
        } else if (node instanceof RegexNode.Repeat r) {
            long item = size(r.item());
            s = r.max() < 0 ? (r.min() == 0 ? item + 2 : r.min() * item + 1)
                    : r.min() * item + (long) (r.max() - r.min()) * (item + 1);
        } else {
            s = 1;
        }
        return Math.min(s, MAX_INSTRUCTIONS + 1L);
    }

    private int add(int opcode, int a, int b) {
        op[size] = opcode;
        x[size] = a;
        y[size] = b;
        return size++;
    }

    private void emit(RegexNode node) {
        if (node instanceof RegexNode.Set s) {
            add(SET, setList.size(), 0);
            setList.add(s);
        } else if (node instanceof RegexNode.Assert a) {
            add(ASSERT, a.kind(), 0);
        } else if (node instanceof RegexNode.Concat c) {
            for (RegexNode item : c.items()) {
                emit(item);
            }
        } else if (node instanceof RegexNode.Alt a) {
            emitAlternatives(a.alternatives());
        } else {
            emitRepeat((RegexNode.Repeat) node);
        }
    }

    private void emitAlternatives(List<RegexNode> alts) {
        int[] jumps = new int[alts.size() - 1];
        for (int i = 0; i < alts.size() - 1; i++) {
            int split = add(SPLIT, size + 1, 0);
            emit(alts.get(i));
            jumps[i] = add(JMP, 0, 0);
            y[split] = size;
        }
        emit(alts.get(alts.size() - 1));
        for (int j : jumps) {
            x[j] = size;
        }
    }

    private void emitRepeat(RegexNode.Repeat r) {
        if (r.max() < 0 && r.min() == 0) {
            int split = add(SPLIT, size + 1, 0);
            emit(r.item());
            add(JMP, split, 0);
            y[split] = size;
            return;
        }
        int copies = r.max() < 0 ? r.min() - 1 : r.min();
        for (int i = 0; i < copies; i++) {
            emit(r.item());
        }
        if (r.max() < 0) {
            int loop = size;
            emit(r.item());
            add(SPLIT, loop, size + 1);
            return;
        }
        int optional = r.max() - r.min();
        int[] splits = new int[optional];
        for (int i = 0; i < optional; i++) {
            splits[i] = add(SPLIT, size + 1, 0);
            emit(r.item());
        }
        for (int s : splits) {
            y[s] = size;
        }
    }
}
