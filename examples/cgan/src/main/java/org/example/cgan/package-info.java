/**
 * A conditional GAN on MNIST (Mirza &amp; Osindero 2014) written against gan4j's public API only, loaded by the
 * command line as a plug-in: {@link org.example.cgan.Cgan} (the variant), {@link org.example.cgan.CganSettings}
 * (its settings table) and {@link org.example.cgan.CganProvider} (its registration). docs/extending.md in the
 * gan4j repository walks through it.
 */
package org.example.cgan;
