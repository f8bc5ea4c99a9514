/**
 * Ready-made {@link org.gan4j.core.train.TrainingListener}s: console progress, CSV loss log,
 * sample grids, checkpoints with a keep-last-K policy, and the HTML run report.
 */
package org.gan4j.core.listeners;
