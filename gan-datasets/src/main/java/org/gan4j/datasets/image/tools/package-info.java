/**
 * Dataset tools behind {@code gan data ...}: a Canny edge detector ({@link org.gan4j.datasets.image.tools.EdgeDetector}),
 * pair and split makers ({@link org.gan4j.datasets.image.tools.DatasetTools}), a checker
 * ({@link org.gan4j.datasets.image.tools.DatasetCheck}), demo datasets, photo collections for super-resolution, the
 * Fashion-MNIST benchmark tasks ({@link org.gan4j.datasets.image.tools.FashionTasks}) and a loading benchmark.
 */
package org.gan4j.datasets.image.tools;
