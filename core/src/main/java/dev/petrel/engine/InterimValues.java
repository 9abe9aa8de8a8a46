package dev.petrel.engine;

import java.nio.charset.StandardCharsets;

/**
 * INTERIM: the few value rules the constant-SELECT stand-in needs (numeric conversion of operands, integer overflow
 * to REAL, division by zero to NULL, REAL rendering). The {@code dev.petrel.value} package replaces it.
 */
final class InterimValues {
    private InterimValues() {
    }

    static Object toNumber(Object v) {
        if (v instanceof Long || v instanceof Double || v == null) {
            return v;
        }
        String s = v instanceof String ? ((String) v).trim() : new String((byte[]) v, StandardCharsets.UTF_8).trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e2) {
                return 0L;
            }
        }
    }

    static Object arithmetic(char op, Object a, Object b) {
        Object x = toNumber(a);
        Object y = toNumber(b);
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof Long && y instanceof Long) {
            long l = (Long) x;
            long r = (Long) y;
            switch (op) {
                case '+': {
                    long s = l + r;
                    if (((l ^ s) & (r ^ s)) < 0) {
                        return (double) l + (double) r;
                    }
                    return s;
                }
                case '-': {
                    long d = l - r;
                    if (((l ^ r) & (l ^ d)) < 0) {
                        return (double) l - (double) r;
                    }
                    return d;
                }
                case '*': {
                    long hi = Math.abs(l) > 0x7fffffffL || Math.abs(r) > 0x7fffffffL ? 1 : 0;
                    if (hi != 0) {
                        double pd = (double) l * (double) r;
                        if (Math.abs(pd) >= 9.2e18) {
                            return pd;
                        }
                        long p = l * r;
                        if (r != 0 && (p / r != l || (l == -1 && r == Long.MIN_VALUE)
                                || (r == -1 && l == Long.MIN_VALUE))) {
                            return pd;
                        }
                        return p;
                    }
                    return l * r;
                }
                case '/':
                    if (r == 0) {
                        return null;
                    }
                    if (l == Long.MIN_VALUE && r == -1) {
                        return (double) l / (double) r;
                    }
                    return l / r;
                default:
                    if (r == 0) {
                        return null;
                    }
                    if (r == -1) {
                        return 0L;
                    }
                    return l % r;
            }
        }
        double l = ((Number) x).doubleValue();
        double r = ((Number) y).doubleValue();
        switch (op) {
            case '+':
                return l + r;
            case '-':
                return l - r;
            case '*':
                return l * r;
            case '/':
                return r == 0.0 ? null : l / r;
            default: {
                long li = (long) l;
                long ri = (long) r;
                if (ri == 0) {
                    return null;
                }
                return (double) (ri == -1 ? 0 : li % ri);
            }
        }
    }

    static Object concat(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        return toText(a) + toText(b);
    }

    static String toText(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Long) {
            return Long.toString((Long) v);
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d) + ".0";
            }
            return Double.toString(d);
        }
        return new String((byte[]) v, StandardCharsets.UTF_8);
    }
}
