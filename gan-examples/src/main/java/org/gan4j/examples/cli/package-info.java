/** The {@code gan} command line (picocli): train, resume, sample, bench, dataset tools and the settings each variant accepts ({@code gan settings}). */
package org.gan4j.examples.cli;
