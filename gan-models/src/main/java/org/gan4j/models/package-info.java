/**
 * What the variants share: {@link org.gan4j.models.Settings} (string settings with clear errors) and
 * {@link org.gan4j.models.AdversarialLossKind}. The variants live in sub-packages:
 * {@code unconditional} (MLP GAN, DCGAN), {@code i2i} (pix2pix, CycleGAN, DiscoGAN) and
 * {@code srgan} (SRResNet, SRGAN), each a {@link org.gan4j.core.train.GanVariant} created by name
 * through a {@link org.gan4j.core.train.VariantProvider}; their networks come from the public factories
 * of {@code nets}.
 */
package org.gan4j.models;
