/**
 * Ready-made {@link org.gan4j.core.train.TrainingListener}s: console progress, CSV loss log,
 * sample grids and checkpoints with a keep-last-K policy.
 */
package org.gan4j.core.listeners;
