/**
 * Public factories of the networks gan4j's variants use, for new variants to reuse: the MLP stacks
 * ({@link org.gan4j.models.nets.MlpNets}), the DCGAN stacks ({@link org.gan4j.models.nets.DcganNets}),
 * the U-Net and ResNet image-to-image generators ({@link org.gan4j.models.nets.UnetGenerator},
 * {@link org.gan4j.models.nets.ResnetGenerator}), the PatchGAN discriminator
 * ({@link org.gan4j.models.nets.PatchGan}), DiscoGAN's networks ({@link org.gan4j.models.nets.DiscoNets})
 * and the SRResNet generator and SRGAN discriminator ({@link org.gan4j.models.nets.SrNets}). Each
 * returns a plain DL4J network or configuration; wrap it with
 * {@link org.gan4j.core.nn.Generator#of} / {@link org.gan4j.core.nn.Discriminator#of}.
 */
package org.gan4j.models.nets;
