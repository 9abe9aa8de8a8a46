package dev.petrel.func;

/**
 * A function result carrying a subtype (SQLite's {@code sqlite3_result_subtype}): the storage value plus a small
 * tag that only other functions see. The JSON functions tag their text results {@link #JSON} so that a JSON value
 * passed straight into another JSON function is embedded as JSON rather than quoted as a string
 * ({@code json_array(json('[1]'))} gives {@code [[1]]}, {@code json_array('[1]')} gives {@code ["[1]"]}).
 *
 * <p>Contract with the VM and code generator: a scalar or aggregate may return a SubtypedValue. The VM keeps the
 * wrapper in the result register only when the call's {@code FuncCall.keepSubtype} says the consumer is a function
 * registered with {@link FunctionDef#SUBTYPE_ARGS}; everywhere else it stores {@link #value()}. Functions without
 * SUBTYPE_ARGS therefore never see a wrapper, and a wrapper never reaches a record, a comparison or a result row.
 */
public final class SubtypedValue {
    /** The JSON subtype, the same tag value SQLite uses ('J'). */
    public static final int JSON = 74;

    private final Object value;
    private final int subtype;
    /** A parsed form of {@link #value} cached by the producer (e.g. a JSON tree), or null. */
    private final Object parsed;

    public SubtypedValue(Object value, int subtype, Object parsed) {
        this.value = value;
        this.subtype = subtype;
        this.parsed = parsed;
    }

    /** The storage value. */
    public Object value() {
        return value;
    }

    public int subtype() {
        return subtype;
    }

    public Object parsed() {
        return parsed;
    }

    /** {@code v} without any subtype wrapper. */
    public static Object strip(Object v) {
        return v instanceof SubtypedValue s ? s.value : v;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
