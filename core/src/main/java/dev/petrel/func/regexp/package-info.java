/**
 * The regular expressions of SQLite's regexp extension (the {@code regexp(P, X)} function behind the
 * {@code X REGEXP P} operator, which the sqlite3 shell registers): {@link dev.petrel.func.regexp.RegexParser}
 * reads the pattern dialect into a tree, {@link dev.petrel.func.regexp.RegexProgram} compiles it to a Thompson NFA
 * and runs it as a Pike VM over the text's code points, so a match costs O(pattern size x text length) with no
 * backtracking (no catastrophic patterns such as {@code (a*)*b}). {@link dev.petrel.func.regexp.RegexpFunction}
 * registers the SQL function. No java.util.regex: core compiles to WebAssembly through TeaVM.
 */
package dev.petrel.func.regexp;
