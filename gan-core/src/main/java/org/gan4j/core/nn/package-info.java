/**
 * Networks as GAN roles: {@link org.gan4j.core.nn.Generator} and
 * {@link org.gan4j.core.nn.Discriminator} wrap DL4J networks and expose the forward / backward /
 * optimizer-step mechanics a training step needs, including the discriminator's input gradient that
 * trains the generator.
 */
package org.gan4j.core.nn;
