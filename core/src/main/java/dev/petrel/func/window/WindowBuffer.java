package dev.petrel.func.window;

import dev.petrel.func.FunctionContext;
import dev.petrel.record.Record;
import dev.petrel.record.RecordEncoder;
import dev.petrel.record.TextEncoding;
import dev.petrel.record.ValueOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The run-time state of one window pass (held in a VM register): gathers the sorted rows of one partition,
 * evaluates the pass's functions over it, then hands the rows out one by one.
 *
 * <p>State machine: GATHERING --(a row of another partition, or end of input)--> EMITTING --(last row handed
 * out)--> GATHERING. The row that ended a partition waits in {@code pending} and starts the next one.
 * Invariant: every row in {@code bodies} belongs to one partition; while EMITTING, each has its result fields set.
 */
public final class WindowBuffer {
    private final WindowPlan plan;
    private List<Object[]> keys = new ArrayList<>();
    private List<Object[]> bodies = new ArrayList<>();
    private Object[] pendingKeys;
    private Object[] pendingBody;
    /** Index of the next row to hand out while emitting, or -1 while gathering. */
    private int emitPos = -1;
    private long sequence;

    public WindowBuffer(WindowPlan plan) {
        this.plan = plan;
    }

    /**
     * Adds one sorted input record. Returns true when the record starts a new partition and the previous one is
     * now ready to be emitted (the record waits until the emitted rows are drained).
     */
    public boolean add(byte[] record, FunctionContext[] contexts) {
        Object[] all = Record.decode(record);
        int h = plan.headerFields();
        Object[] k = new Object[plan.partitionKeys + plan.orderKeys];
        System.arraycopy(all, 0, k, 0, k.length);
        Object[] body = new Object[all.length - h];
        System.arraycopy(all, h, body, 0, body.length);
        if (!keys.isEmpty() && !samePartition(keys.get(keys.size() - 1), k)) {
            pendingKeys = k;
            pendingBody = body;
            evaluate(contexts);
            return true;
        }
        keys.add(k);
        bodies.add(body);
        return false;
    }

    /** Marks the end of input; returns true when a last partition is ready to be emitted. */
    public boolean finish(FunctionContext[] contexts) {
        if (keys.isEmpty()) {
            return false;
        }
        evaluate(contexts);
        return true;
    }

    /** The next output record of the partition being emitted, or null (and back to gathering) when it is done. */
    public byte[] next() {
        if (emitPos < 0 || emitPos >= bodies.size()) {
            emitPos = -1;
            keys = new ArrayList<>();
            bodies = new ArrayList<>();
            if (pendingKeys != null) {
                keys.add(pendingKeys);
                bodies.add(pendingBody);
                pendingKeys = null;
                pendingBody = null;
            }
            return null;
        }
        Object[] body = bodies.get(emitPos);
        bodies.set(emitPos, null);
        emitPos++;
        if (plan.nextKeyFields == null) {
            return RecordEncoder.encode(body, body.length, TextEncoding.UTF8);
        }
        int nk = plan.nextKeyFields.length;
        Object[] out = new Object[nk + 1 + body.length];
        for (int i = 0; i < nk; i++) {
            out[i] = body[plan.nextKeyFields[i]];
        }
        out[nk] = sequence++;
        System.arraycopy(body, 0, out, nk + 1, body.length);
        return RecordEncoder.encode(out, out.length, TextEncoding.UTF8);
    }

    private void evaluate(FunctionContext[] contexts) {
        new PartitionEvaluator(plan, keys, bodies, contexts).run();
        emitPos = 0;
    }

    private boolean samePartition(Object[] a, Object[] b) {
        for (int i = 0; i < plan.partitionKeys; i++) {
            if (ValueOrder.compare(a[i], b[i], plan.keyCollations[i]) != 0) {
                return false;
            }
        }
        return true;
    }
}
