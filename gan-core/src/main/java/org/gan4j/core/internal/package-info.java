/**
 * Public for gan4j's own modules (the trainer, the benchmarks), not part of the API: may change without
 * notice. Users never need these types.
 */
package org.gan4j.core.internal;
