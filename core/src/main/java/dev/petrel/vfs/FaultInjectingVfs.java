package dev.petrel.vfs;

import dev.petrel.api.PetrelException;
import dev.petrel.api.ResultCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Vfs} wrapper that injects I/O errors and simulates power loss, deterministically from a seed.
 *
 * <p>Every call is forwarded to the wrapped VFS, so the wrapped files always hold what a running process would see.
 * Beside that the wrapper keeps, per file, the <em>durable</em> image (what a disk would hold after the last
 * {@link VfsFile#sync}) and the list of operations made since. A power loss computes what survives from those, writes
 * the survivors into the wrapped VFS as the files' new contents and kills every open handle (each later call on them
 * throws {@code SQLITE_IOERR}); {@link #restart()} then lets the "machine" come back so the test can reopen the
 * database and check recovery.
 *
 * <p>The model of a disk that it simulates:
 * <ol>
 *   <li>A write is durable only after a sync of its file. Until then a power loss may drop it
 *       ({@link PowerLoss#DROP_UNSYNCED}), keep any subset of the unsynced writes ({@link PowerLoss#KEEP_RANDOM},
 *       which also tears some page-sized writes), or keep them all but tear the newest page-sized one
 *       ({@link PowerLoss#TEAR}). A torn write has its first half new and its second half old.</li>
 *   <li>Creating, deleting and truncating a file are durable at once (the file system journals its metadata).</li>
 *   <li>Reads never change anything.</li>
 * </ol>
 * Faults: {@link #failNth} fails the n-th later call of one kind once; {@link #failRandomly} fails calls of a kind
 * with a probability. A failed call changes nothing and throws {@code SQLITE_IOERR_READ/WRITE/FSYNC/TRUNCATE}.
 * TeaVM-safe: the randomness is {@link SplitMix64}. Not thread-safe.
 */
public final class FaultInjectingVfs implements Vfs {
    /** The kinds of call that can fail. */
    public enum Op {
        READ, WRITE, SYNC, TRUNCATE
    }

    /** What survives a power loss of the writes made since each file's last sync. */
    public enum PowerLoss {
        /** Every unsynced write is lost. */
        DROP_UNSYNCED,
        /** Each unsynced write survives with probability 1/2; a surviving page-sized write is torn with 1/4. */
        KEEP_RANDOM,
        /** Every unsynced write survives except that the newest one of at least 512 bytes is torn in half. */
        TEAR
    }

    /** Writes shorter than this are never torn (a sector is written whole). */
    private static final int MIN_TEAR_BYTES = 512;

    private final Vfs base;
    private final SplitMix64 random;
    private final Map<String, FileState> states = new HashMap<>();
    private final List<Handle> handles = new ArrayList<>();
    private final long[] calls = new long[Op.values().length];
    private final long[] failAt = new long[Op.values().length];
    private final double[] failProbability = new double[Op.values().length];
    private long mutations;
    private long powerLossAt;
    private PowerLoss powerLossMode = PowerLoss.DROP_UNSYNCED;
    private boolean crashed;
    private int faultsInjected;

    public FaultInjectingVfs(Vfs base, long seed) {
        this.base = base;
        this.random = new SplitMix64(seed);
    }

    /** Fails the {@code n}-th (1-based) call of kind {@code op} made from now on, once. */
    public void failNth(Op op, long n) {
        failAt[op.ordinal()] = calls[op.ordinal()] + n;
    }

    /** Fails each call of kind {@code op} with probability {@code p} (0 turns it off). */
    public void failRandomly(Op op, double p) {
        failProbability[op.ordinal()] = p;
    }

    /** Cancels every pending fault and power loss. */
    public void clearFaults() {
        for (int i = 0; i < failAt.length; i++) {
            failAt[i] = 0;
            failProbability[i] = 0;
        }
        powerLossAt = 0;
    }

    /** How many calls of a kind were made (failed ones included). */
    public long calls(Op op) {
        return calls[op.ordinal()];
    }

    /** How many writes, syncs and truncates were made: the points at which power can be lost. */
    public long mutations() {
        return mutations;
    }

    /** How many errors and power losses were injected. */
    public int faultsInjected() {
        return faultsInjected;
    }

    /**
     * Loses power instead of performing the {@code n}-th (1-based) write, sync or truncate counted by
     * {@link #mutations()} from now on.
     */
    public void powerLossAt(long n, PowerLoss mode) {
        powerLossAt = mutations + n;
        powerLossMode = mode;
    }

    /** Loses power now. */
    public void powerLossNow(PowerLoss mode) {
        powerLossMode = mode;
        losePower();
    }

    /** Whether power was lost and the machine has not restarted yet. */
    public boolean hasCrashed() {
        return crashed;
    }

    /** The machine comes back: the surviving bytes are the files, and new handles work again. */
    public void restart() {
        crashed = false;
    }

    @Override
    public String name() {
        return "fault(" + base.name() + ")";
    }

    @Override
    public VfsFile open(String path, int flags) {
        checkAlive();
        VfsFile inner = base.open(path, flags);
        FileState state = states.get(path);
        if (state == null) {
            state = new FileState(path);
            long size = inner.size();
            if (size > Integer.MAX_VALUE - 8) {
                inner.close();
                throw PetrelException.ioError(ResultCode.IOERR_READ, "file too large for fault injection");
            }
            state.durable.setSize((int) size);
            inner.read(0, state.durable.bytes, 0, (int) size);
            states.put(path, state);
        }
        Handle h = new Handle(path, inner, state);
        handles.add(h);
        return h;
    }

    @Override
    public void delete(String path) {
        checkAlive();
        base.delete(path);
        states.remove(path);
    }

    @Override
    public boolean exists(String path) {
        if (crashed) {
            throw PetrelException.ioError(ResultCode.IOERR_ACCESS, "power lost");
        }
        return base.exists(path);
    }

    private void checkAlive() {
        if (crashed) {
            throw PetrelException.ioError(ResultCode.IOERR, "power lost");
        }
    }

    /** Counts a call, and throws if a fault is due for it. */
    private void enter(Op op, ResultCode code) {
        checkAlive();
        int i = op.ordinal();
        calls[i]++;
        boolean fail = failAt[i] != 0 && calls[i] == failAt[i];
        if (!fail && failProbability[i] > 0) {
            fail = random.chance(failProbability[i]);
        }
        if (fail) {
            faultsInjected++;
            throw PetrelException.ioError(code, "injected " + op.name() + " failure #" + calls[i]);
        }
    }

    /** Counts a mutating call and loses power if this is the chosen point. */
    private void mutate() {
        mutations++;
        if (powerLossAt != 0 && mutations == powerLossAt) {
            powerLossAt = 0;
            losePower();
            throw PetrelException.ioError(ResultCode.IOERR, "power lost");
        }
    }

    private void losePower() {
        faultsInjected++;
        for (FileState state : states.values()) {
            Buffer survived = state.survivors(powerLossMode, random);
            state.durable = survived;
            state.pending.clear();
        }
        for (Handle h : handles) {
            h.inner.close();
            h.dead = true;
        }
        handles.clear();
        for (FileState state : states.values()) {
            if (!base.exists(state.path)) {
                continue;
            }
            VfsFile f = base.open(state.path, OPEN_READWRITE);
            try {
                f.truncate(0);
                f.write(0, state.durable.bytes, 0, state.durable.size);
                f.sync(VfsFile.SYNC_FULL);
            } finally {
                f.close();
            }
        }
        crashed = true;
    }

    /** A growable byte array: a file image. */
    private static final class Buffer {
        byte[] bytes = new byte[0];
        int size;

        void setSize(int newSize) {
            if (newSize > bytes.length) {
                byte[] bigger = new byte[Math.max(newSize, Math.min(Integer.MAX_VALUE - 8, bytes.length * 2))];
                System.arraycopy(bytes, 0, bigger, 0, size);
                bytes = bigger;
            } else if (newSize < size) {
                java.util.Arrays.fill(bytes, newSize, size, (byte) 0);
            }
            size = newSize;
        }

        void write(long offset, byte[] src, int srcOff, int len) {
            long end = offset + len;
            if (end > size) {
                setSize((int) end);
            }
            System.arraycopy(src, srcOff, bytes, (int) offset, len);
        }

        Buffer copy() {
            Buffer b = new Buffer();
            b.setSize(size);
            System.arraycopy(bytes, 0, b.bytes, 0, size);
            return b;
        }
    }

    /** One write or truncate made since the last sync. */
    private static final class PendingOp {
        final long offset;
        final byte[] data;
        final long truncateTo;

        PendingOp(long offset, byte[] data, long truncateTo) {
            this.offset = offset;
            this.data = data;
            this.truncateTo = truncateTo;
        }
    }

    /** The durable image of one file and what was done to it since its last sync. */
    private static final class FileState {
        final String path;
        Buffer durable = new Buffer();
        final List<PendingOp> pending = new ArrayList<>();

        FileState(String path) {
            this.path = path;
        }

        void sync() {
            for (PendingOp op : pending) {
                apply(durable, op, op.data == null ? 0 : op.data.length);
            }
            pending.clear();
        }

        private static void apply(Buffer b, PendingOp op, int len) {
            if (op.data == null) {
                b.setSize((int) Math.min(b.size, op.truncateTo));
            } else {
                b.write(op.offset, op.data, 0, len);
            }
        }

        Buffer survivors(PowerLoss mode, SplitMix64 random) {
            Buffer b = durable.copy();
            int tearIndex = -1;
            if (mode == PowerLoss.TEAR) {
                for (int i = pending.size() - 1; i >= 0; i--) {
                    byte[] d = pending.get(i).data;
                    if (d != null && d.length >= MIN_TEAR_BYTES) {
                        tearIndex = i;
                        break;
                    }
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                PendingOp op = pending.get(i);
                if (op.data == null) {
                    apply(b, op, 0);
                    continue;
                }
                int len = op.data.length;
                if (mode == PowerLoss.DROP_UNSYNCED) {
                    continue;
                } else if (mode == PowerLoss.KEEP_RANDOM) {
                    if (!random.chance(0.5)) {
                        continue;
                    }
                    if (len >= MIN_TEAR_BYTES && random.chance(0.25)) {
                        len /= 2;
                    }
                } else if (i == tearIndex) {
                    len /= 2;
                }
                apply(b, op, len);
            }
            return b;
        }
    }

    private final class Handle implements VfsFile {
        private final String path;
        final VfsFile inner;
        private final FileState state;
        boolean dead;

        Handle(String path, VfsFile inner, FileState state) {
            this.path = path;
            this.inner = inner;
            this.state = state;
        }

        private void checkHandle() {
            if (dead) {
                throw PetrelException.ioError(ResultCode.IOERR, "power lost: " + path);
            }
        }

        @Override
        public int read(long offset, byte[] dst, int dstOff, int len) {
            checkHandle();
            enter(Op.READ, ResultCode.IOERR_READ);
            return inner.read(offset, dst, dstOff, len);
        }

        @Override
        public void write(long offset, byte[] src, int srcOff, int len) {
            checkHandle();
            enter(Op.WRITE, ResultCode.IOERR_WRITE);
            mutate();
            if (offset < 0 || len < 0 || offset + len > Integer.MAX_VALUE - 8) {
                throw PetrelException.ioError(ResultCode.IOERR_WRITE, "bad write range");
            }
            inner.write(offset, src, srcOff, len);
            byte[] copy = new byte[len];
            System.arraycopy(src, srcOff, copy, 0, len);
            state.pending.add(new PendingOp(offset, copy, 0));
        }

        @Override
        public void truncate(long size) {
            checkHandle();
            enter(Op.TRUNCATE, ResultCode.IOERR_TRUNCATE);
            mutate();
            inner.truncate(size);
            PendingOp op = new PendingOp(0, null, size);
            state.pending.add(op);
            FileState.apply(state.durable, op, 0);
        }

        @Override
        public void sync(int flags) {
            checkHandle();
            enter(Op.SYNC, ResultCode.IOERR_FSYNC);
            mutate();
            inner.sync(flags);
            state.sync();
        }

        @Override
        public long size() {
            checkHandle();
            checkAlive();
            return inner.size();
        }

        @Override
        public boolean lock(int level) {
            checkHandle();
            checkAlive();
            return inner.lock(level);
        }

        @Override
        public void unlock(int level) {
            if (!dead) {
                inner.unlock(level);
            }
        }

        @Override
        public int lockLevel() {
            return dead ? LOCK_NONE : inner.lockLevel();
        }

        @Override
        public boolean checkReservedLock() {
            checkHandle();
            return inner.checkReservedLock();
        }

        @Override
        public int sectorSize() {
            return inner.sectorSize();
        }

        @Override
        public void close() {
            if (!dead) {
                dead = true;
                handles.remove(this);
                inner.close();
            }
        }
    }
}
