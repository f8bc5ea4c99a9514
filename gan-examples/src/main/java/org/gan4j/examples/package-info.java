/** Runnable examples: {@link org.gan4j.examples.MnistGanExample} and {@link org.gan4j.examples.MnistDcganExample}. */
package org.gan4j.examples;
