package dev.petrel.cli;

import dev.petrel.api.PetrelException;
import dev.petrel.api.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code .parameter}: SQL parameter values the shell binds, by name, to every statement it runs (sqlite3 keeps them
 * in {@code temp.sqlite_parameters}; Petrel keeps them in the shell). {@code set NAME VALUE} evaluates VALUE as
 * an SQL expression, or takes it as text when it is not one; {@code list} prints them sorted by name, the names
 * padded to one width, the values as {@code quote()} shows them; {@code unset}, {@code clear}, {@code init}.
 * Any other form prints the command's help, as sqlite3 does (not an error).
 */
final class Parameters {
    static final String HELP = ""
            + ".parameter CMD ...       Manage SQL parameter bindings\n"
            + "   clear                   Erase all bindings\n"
            + "   init                    Initialize the TEMP table that holds bindings\n"
            + "   list                    List the current parameter bindings\n"
            + "   set PARAMETER VALUE     Given SQL parameter PARAMETER a value of VALUE\n"
            + "                           PARAMETER should start with one of: $ : @ ?\n"
            + "   unset PARAMETER         Remove PARAMETER from the binding table\n";

    private final Map<String, Object> values = new TreeMap<>();
    private final Map<String, String> quoted = new TreeMap<>();

    /** Runs {@code .parameter} with words {@code a} (a.get(0) is "parameter"). */
    boolean run(Shell shell, List<String> a) {
        String sub = a.size() > 1 ? a.get(1) : "";
        if (sub.equals("clear") && a.size() == 2 || sub.equals("init") && a.size() == 2) {
            if (sub.equals("clear")) {
                values.clear();
                quoted.clear();
            }
        } else if (sub.equals("list") && a.size() == 2) {
            int width = 0;
            for (String k : quoted.keySet()) {
                width = Math.max(width, k.length());
            }
            for (Map.Entry<String, String> e : quoted.entrySet()) {
                shell.out.print(e.getKey() + " ".repeat(width - e.getKey().length()) + " " + e.getValue() + "\n");
            }
        } else if (sub.equals("set") && a.size() == 4) {
            set(shell, a.get(2), a.get(3));
        } else if (sub.equals("unset") && a.size() == 3) {
            values.remove(a.get(2));
            quoted.remove(a.get(2));
        } else {
            shell.out.print(HELP);
        }
        return true;
    }

    private void set(Shell shell, String name, String valueText) {
        Object[] v;
        try {
            v = evaluate(shell, "SELECT " + valueText + ", quote(" + valueText + ")", null);
        } catch (PetrelException e) {
            v = evaluate(shell, "SELECT ?1, quote(?1)", valueText);
        }
        values.put(name, v[0]);
        quoted.put(name, String.valueOf(v[1]));
    }

    private static Object[] evaluate(Shell shell, String sql, Object param) {
        try (Statement st = shell.connection().prepare(sql)) {
            if (param != null) {
                st.bind(1, param);
            }
            if (!st.step()) {
                throw PetrelException.error("no value");
            }
            return new Object[] {st.columnValue(0), st.columnValue(1)};
        }
    }

    /** Binds every named parameter of {@code stmt} that has a value (the others stay NULL). */
    void bind(Statement stmt) {
        if (values.isEmpty()) {
            return;
        }
        for (int i = 1; i <= stmt.parameterCount(); i++) {
            String name = stmt.parameterName(i);
            if (name != null && values.containsKey(name)) {
                stmt.bind(i, values.get(name));
            }
        }
    }
}
