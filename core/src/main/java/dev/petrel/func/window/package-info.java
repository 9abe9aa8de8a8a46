/**
 * Window functions (sqlite.org/windowfunctions.html) at run time: the built-in window functions (row_number,
 * rank, dense_rank, percent_rank, cume_dist, ntile, lag, lead, first_value, last_value, nth_value), aggregates
 * used over frames, and the frame arithmetic of ROWS, RANGE and GROUPS with EXCLUDE.
 *
 * <p>The code generator sorts rows by partition and order keys and feeds them to a {@link
 * dev.petrel.func.window.WindowBuffer} (one per window pass, described by a {@link dev.petrel.func.window.WindowPlan});
 * the buffer gathers one partition, {@link dev.petrel.func.window.PartitionEvaluator} computes every function's
 * value for each of its rows, and the rows leave the buffer in order with those values filled in.
 */
package dev.petrel.func.window;
