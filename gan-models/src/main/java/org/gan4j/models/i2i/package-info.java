/**
 * Image-to-image translation: {@link org.gan4j.models.i2i.Pix2Pix} (paired) and
 * {@link org.gan4j.models.i2i.CycleGan} (unpaired), their networks (U-Net and ResNet generators, PatchGAN
 * discriminator with batch or instance norm, CycleGAN's image pool; package-private) and inference on
 * image files of any size ({@link org.gan4j.models.i2i.Translator}).
 */
package org.gan4j.models.i2i;
