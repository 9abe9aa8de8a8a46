package dev.petrel.pager;

/**
 * The outcome of a checkpoint, as the three columns of {@code PRAGMA wal_checkpoint}.
 *
 * @param busy whether the checkpoint could not run to completion because another connection was reading or writing
 * @param logFrames frames in the WAL (-1 when the database is not in WAL mode)
 * @param checkpointedFrames frames copied back into the database so far (-1 when not in WAL mode)
 */
public record CheckpointResult(boolean busy, int logFrames, int checkpointedFrames) {
}
