/**
 * The math functions of sqlite.org/lang_mathfunc.html (acos ... trunc). Arguments are read with numeric
 * affinity: NULL, blobs and text that is not wholly a number give NULL (except X of log(B, X), read by
 * its numeric prefix), as do domain errors (a NaN result);
 * overflow to infinity is returned as infinity.
 */
package dev.petrel.func.math;
