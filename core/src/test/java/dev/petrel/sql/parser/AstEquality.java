package dev.petrel.sql.parser;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural equality of syntax trees that ignores where nodes came from: the {@code pos}, {@code nameOffset} and
 * {@code sourceText} components (and {@code text} of non-number literals' spelling is compared as is). Test-only:
 * uses reflection over record components.
 */
final class AstEquality {
    private AstEquality() {
    }

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new HashMap<>();

    private static RecordComponent[] components(Class<?> c) {
        return COMPONENTS.computeIfAbsent(c, k -> {
            RecordComponent[] rcs = k.getRecordComponents();
            for (RecordComponent rc : rcs) {
                rc.getAccessor().setAccessible(true);
            }
            return rcs;
        });
    }

    /** Null if equal, else a path describing the first difference. Iterative: trees may be 1000 levels tall. */
    static String diff(Object a, Object b) {
        java.util.ArrayDeque<Object[]> work = new java.util.ArrayDeque<>();
        work.push(new Object[] {a, b, ""});
        while (!work.isEmpty()) {
            Object[] item = work.pop();
            String d = step(item[0], item[1], (String) item[2], work);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String step(Object a, Object b, String path, java.util.ArrayDeque<Object[]> work) {
        if (a == b) {
            return null;
        }
        if (a == null || b == null) {
            return path + ": " + a + " vs " + b;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y) ? null : path + ": blob differs";
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return path + ": list size " + la.size() + " vs " + lb.size();
            }
            for (int i = la.size() - 1; i >= 0; i--) {
                work.push(new Object[] {la.get(i), lb.get(i), path + "[" + i + "]"});
            }
            return null;
        }
        if (a.getClass() != b.getClass()) {
            return path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName();
        }
        if (a.getClass().isRecord()) {
            RecordComponent[] rcs = components(a.getClass());
            for (int i = rcs.length - 1; i >= 0; i--) {
                RecordComponent rc = rcs[i];
                String n = rc.getName();
                if (n.equals("pos") || n.equals("nameOffset") || n.equals("sourceText")) {
                    continue;
                }
                try {
                    String sub = path.length() > 200 ? "..." : path + "." + a.getClass().getSimpleName() + "." + n;
                    work.push(new Object[] {rc.getAccessor().invoke(a), rc.getAccessor().invoke(b), sub});
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }
}
