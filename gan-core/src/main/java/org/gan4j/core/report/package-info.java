/**
 * The run report: {@link org.gan4j.core.report.RunReport} turns a run folder (configuration, loss log,
 * sample grids, checkpoints, evaluation results) into one self-contained HTML page, and several run
 * folders into a comparison page. It reads files only (no ND4J work), so it works for finished, stopped
 * and running runs alike. {@link org.gan4j.core.report.RunStatus} is what a training process records
 * about itself for the report; {@link org.gan4j.core.report.EvaluationResult} is a stored evaluation.
 */
package org.gan4j.core.report;
