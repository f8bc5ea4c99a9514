/**
 * The training engine: the {@link org.gan4j.core.train.GanVariant} plug-in interface, the
 * {@link org.gan4j.core.train.Trainer} that owns the loop, {@link org.gan4j.core.train.TrainingListener}s
 * and complete, atomically written {@link org.gan4j.core.train.Checkpoint}s (which also restore a trained
 * variant in one call); the sampling interfaces
 * {@link org.gan4j.core.train.ImageSampler} (noise to images) and
 * {@link org.gan4j.core.train.ConditionalSampler} (noise and a class label to images).
 */
package org.gan4j.core.train;
