/**
 * Image-to-image translation: {@link org.gan4j.models.i2i.Pix2Pix} (paired), its networks (U-Net and
 * ResNet generators, PatchGAN discriminator; package-private builders) and inference on image files
 * of any size ({@link org.gan4j.models.i2i.Translator}).
 */
package org.gan4j.models.i2i;
