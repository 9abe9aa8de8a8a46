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

    /** Null if equal, else a path describing the first difference. */
    static String diff(Object a, Object b) {
        return diff(a, b, "");
    }

    private static String diff(Object a, Object b, String path) {
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
            for (int i = 0; i < la.size(); i++) {
                String d = diff(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.getClass() != b.getClass()) {
            return path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName();
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent rc : components(a.getClass())) {
                String n = rc.getName();
                if (n.equals("pos") || n.equals("nameOffset") || n.equals("sourceText")) {
                    continue;
                }
                try {
                    Object va = rc.getAccessor().invoke(a);
                    Object vb = rc.getAccessor().invoke(b);
                    String d = diff(va, vb, path + "." + a.getClass().getSimpleName() + "." + n);
                    if (d != null) {
                        return d;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.equals(y) ? null : path + ": " + x + " vs " + y;
        }
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }
}
