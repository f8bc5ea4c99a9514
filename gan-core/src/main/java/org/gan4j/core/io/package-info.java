/** File helpers: {@link org.gan4j.core.io.AtomicFiles} (temporary file, fsync, atomic rename). */
package org.gan4j.core.io;
