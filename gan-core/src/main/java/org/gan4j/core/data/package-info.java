/**
 * Data contracts between datasets and the training engine: {@link org.gan4j.core.data.Batch} and
 * {@link org.gan4j.core.data.BatchSource}; the data a variant declares ({@link org.gan4j.core.data.DataSpec},
 * opened by gan-datasets into {@link org.gan4j.core.data.TrainingData}); seeded epoch orders and random
 * streams ({@link org.gan4j.core.data.EpochOrder}); in-memory sources
 * ({@link org.gan4j.core.data.ShuffledBatchSource}, {@link org.gan4j.core.data.InMemoryBatchSource}).
 */
package org.gan4j.core.data;
