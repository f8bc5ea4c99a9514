/**
 * Image datasets for image-to-image translation and unconditional GANs, as
 * {@link org.gan4j.core.data.BatchSource}s of NCHW float tensors in [-1, 1]:
 * <ul>
 *   <li>{@link org.gan4j.datasets.image.UnpairedImageDataset}: CycleGAN's {@code trainA/trainB/testA/testB}
 *       layout (monet2photo), A in order or shuffled, B drawn independently;</li>
 *   <li>{@link org.gan4j.datasets.image.PairedImageDataset}: pix2pix's side-by-side layout (edges2shoes),
 *       {@code ROOT/train}, {@code ROOT/val}, A left, B right;</li>
 *   <li>{@link org.gan4j.datasets.image.ImageFolderDataset}: one folder of images.</li>
 * </ul>
 * Transforms follow pix2pix/CycleGAN ({@link org.gan4j.datasets.image.TransformOptions}); loading runs on
 * background threads ({@link org.gan4j.datasets.image.LoadOptions}). Every random choice is a function of
 * (seed, epoch, position), so batches do not depend on the number of workers.
 */
package org.gan4j.datasets.image;
