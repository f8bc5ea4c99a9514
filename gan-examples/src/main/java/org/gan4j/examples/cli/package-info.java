/**
 * The {@code gan} command line (picocli): train, resume, sample, translate, upscale, evaluate, bench,
 * dataset tools and the settings each variant accepts ({@code gan settings}). Commands work for any variant
 * a {@link org.gan4j.core.train.VariantProvider} registers (built-in or a plug-in jar): data through
 * {@link org.gan4j.datasets.DataSpecs}, trained models through
 * {@link org.gan4j.core.train.Checkpoint#restoreVariant()}.
 */
package org.gan4j.examples.cli;
