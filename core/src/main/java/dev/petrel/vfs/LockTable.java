package dev.petrel.vfs;

/**
 * SQLite's five-level file lock rules for the handles of one file within one process, shared by the VFSes.
 *
 * <p>Rules: any number of SHARED; at most one RESERVED (or higher), which may coexist with SHARED; PENDING is
 * RESERVED that also keeps new SHARED locks out (so a writer waiting for EXCLUSIVE is not starved); EXCLUSIVE needs
 * every other handle to be unlocked. A failed EXCLUSIVE attempt leaves its holder at PENDING, as SQLite's does.
 * Owners are the file handles; the table only compares them by identity. Not thread-safe.
 */
public final class LockTable {
    private int sharedCount;
    private Object reservedHolder;
    private Object pendingHolder;
    private Object exclusiveHolder;

    /**
     * Raises {@code owner} from {@code current} towards {@code wanted}; returns the level it now holds (equal to
     * {@code wanted} on success, PENDING after a failed EXCLUSIVE attempt, else {@code current}).
     */
    public int lock(Object owner, int current, int wanted) {
        if (wanted <= current) {
            return current;
        }
        int level = current;
        if (level < VfsFile.LOCK_SHARED) {
            if ((exclusiveHolder != null && exclusiveHolder != owner)
                    || (pendingHolder != null && pendingHolder != owner)) {
                return level;
            }
            sharedCount++;
            level = VfsFile.LOCK_SHARED;
        }
        if (wanted >= VfsFile.LOCK_RESERVED && level < VfsFile.LOCK_RESERVED) {
            if (reservedHolder != null && reservedHolder != owner) {
                return level;
            }
            reservedHolder = owner;
            level = VfsFile.LOCK_RESERVED;
        }
        if (wanted >= VfsFile.LOCK_PENDING && level < VfsFile.LOCK_PENDING) {
            pendingHolder = owner;
            level = VfsFile.LOCK_PENDING;
        }
        if (wanted >= VfsFile.LOCK_EXCLUSIVE && level < VfsFile.LOCK_EXCLUSIVE) {
            if (sharedCount > 1) {
                return level;
            }
            exclusiveHolder = owner;
            level = VfsFile.LOCK_EXCLUSIVE;
        }
        return level;
    }

    /** Lowers {@code owner} from {@code current} to {@code level}. */
    public void unlock(Object owner, int current, int level) {
        if (level >= current) {
            return;
        }
        if (level < VfsFile.LOCK_EXCLUSIVE && exclusiveHolder == owner) {
            exclusiveHolder = null;
        }
        if (level < VfsFile.LOCK_PENDING && pendingHolder == owner) {
            pendingHolder = null;
        }
        if (level < VfsFile.LOCK_RESERVED && reservedHolder == owner) {
            reservedHolder = null;
        }
        if (level < VfsFile.LOCK_SHARED && current >= VfsFile.LOCK_SHARED) {
            sharedCount--;
        }
    }

    /** Whether any handle holds RESERVED or higher. */
    public boolean reservedHeld() {
        return reservedHolder != null;
    }

    /** The strongest lock any handle holds: what the process as a whole must hold against other processes. */
    public int strongest() {
        if (exclusiveHolder != null) {
            return VfsFile.LOCK_EXCLUSIVE;
        }
        if (pendingHolder != null) {
            return VfsFile.LOCK_PENDING;
        }
        if (reservedHolder != null) {
            return VfsFile.LOCK_RESERVED;
        }
        return sharedCount > 0 ? VfsFile.LOCK_SHARED : VfsFile.LOCK_NONE;
    }
}
