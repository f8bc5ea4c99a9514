/**
 * Opening the data a variant declares: {@link org.gan4j.datasets.DataSpecs} turns a
 * {@link org.gan4j.core.data.DataSpec} and a folder into training batches and preview examples, with the
 * readers of {@link org.gan4j.datasets.mnist} and {@link org.gan4j.datasets.image}.
 */
package org.gan4j.datasets;
