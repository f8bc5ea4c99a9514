/**
 * File helpers: {@link org.gan4j.core.io.AtomicFiles} (temporary file, fsync, atomic rename, removal of
 * leftovers) and {@link org.gan4j.core.io.IoErrors} (error messages that carry the reason).
 */
package org.gan4j.core.io;
