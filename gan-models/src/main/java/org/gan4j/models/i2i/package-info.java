/**
 * Image-to-image translation: {@link org.gan4j.models.i2i.Pix2Pix} (paired),
 * {@link org.gan4j.models.i2i.CycleGan} (unpaired) and {@link org.gan4j.models.i2i.DiscoGan} (unpaired),
 * CycleGAN's image pool, the code the two-way models share (package-private) and inference on image
 * files of any size ({@link org.gan4j.models.i2i.Translator}). Their networks (U-Net and ResNet
 * generators, PatchGAN, DiscoGAN's) are public factories in {@code org.gan4j.models.nets}.
 */
package org.gan4j.models.i2i;
