/** Data contracts between datasets and the training engine: {@link org.gan4j.core.data.Batch} and {@link org.gan4j.core.data.BatchSource}. */
package org.gan4j.core.data;
