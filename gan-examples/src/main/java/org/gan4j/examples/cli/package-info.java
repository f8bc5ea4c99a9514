/** The {@code gan} command line (picocli): train, resume, sample, bench and dataset tools. */
package org.gan4j.examples.cli;
