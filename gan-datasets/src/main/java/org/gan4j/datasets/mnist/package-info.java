/**
 * MNIST handwritten digits: an IDX reader, the in-memory data set {@link org.gan4j.datasets.mnist.Mnist},
 * where the files are looked up or fetched ({@link org.gan4j.datasets.mnist.MnistLocator}), seeded
 * minibatches for the training engine ({@link org.gan4j.datasets.mnist.MnistBatchSource}) and a
 * DL4J iterator ({@link org.gan4j.datasets.mnist.MnistDataSetIterator}); Fashion-MNIST, which has MNIST's layout,
 * through {@link org.gan4j.datasets.mnist.FashionMnist}.
 *
 * <p>Images are NCHW float scaled to [-1, 1] ({@code pixel / 127.5 - 1}). See {@code docs/mnist.md}.
 */
package org.gan4j.datasets.mnist;
