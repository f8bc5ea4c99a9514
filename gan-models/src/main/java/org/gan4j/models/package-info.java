/**
 * GAN variants: {@link org.gan4j.models.Gan} (MLP) and {@link org.gan4j.models.Dcgan}, each a
 * {@link org.gan4j.core.train.GanVariant} with paper/tutorial defaults documented in its javadoc,
 * created by name through {@link org.gan4j.core.train.VariantProvider}.
 */
package org.gan4j.models;
