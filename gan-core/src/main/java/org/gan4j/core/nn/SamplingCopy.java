package org.gan4j.core.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.train.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a generator samples through in inference mode: the generator itself if it has no batch norm,
 * else a copy whose batch-norm statistics are re-estimated for the current weights
 * ({@link BatchNormStatistics}) over fixed calibration inputs, redone when the generator has trained or
 * its weights were replaced (a restored checkpoint). The training generator is never modified.
 *
 * <p>Why: batch norm's running averages trail a generator's drifting activations, and made
 * mid-training samples noise (see {@link BatchNormStatistics}).
 */
public final class SamplingCopy {
    /** Number of calibration batches {@link #gaussian} gives. */
    public static final int CALIBRATION_BATCHES = 4;
    /** Size of each of those batches. */
    public static final int CALIBRATION_BATCH = 256;

    private final Generator generator;
    private final Supplier<List<INDArray>> calibration;
    private Model sampling;
    private int samplingIteration;
    private double samplingFingerprint;

    /**
     * @param calibration gives the generator inputs the statistics are estimated over; it must give the
     *     same inputs every time (e.g. from a fixed seed), so that samples depend only on the weights
     */
    public SamplingCopy(Generator generator, Supplier<List<INDArray>> calibration) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.calibration = Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * Calibration over {@value #CALIBRATION_BATCHES} batches of {@value #CALIBRATION_BATCH} standard
     * normal inputs of {@code generator.inputShape()}, from a fixed seed: what noise-to-image GANs use.
     */
    public static SamplingCopy gaussian(Generator generator) {
        return new SamplingCopy(generator, () -> {
            SplittableRandom random = new SplittableRandom(0x5eedL);
            long[] shape = new long[generator.inputShape().length + 1];
            shape[0] = CALIBRATION_BATCH;
            System.arraycopy(generator.inputShape(), 0, shape, 1, shape.length - 1);
            List<INDArray> batches = new ArrayList<>();
            for (int i = 0; i < CALIBRATION_BATCHES; i++) {
                batches.add(StepContext.gaussian(random, shape));
            }
            return batches;
        });
    }

    /** The plain DL4J network to sample through, e.g. to save with {@code ModelSerializer}. */
    public synchronized Model model() {
        Model g = generator.model();
        if (!BatchNormStatistics.hasBatchNorm(g)) {
            return g;
        }
        // keyed by the weights, not only the iteration: a checkpoint restored into G keeps its counter
        double fingerprint = g.params().sumNumber().doubleValue();
        if (sampling == null || samplingIteration != generator.iteration() || samplingFingerprint != fingerprint) {
            Model copy = g instanceof MultiLayerNetwork m ? m.clone() : ((ComputationGraph) g).clone();
            BatchNormStatistics.reestimate(copy, calibration.get());
            sampling = copy;
            samplingIteration = generator.iteration();
            samplingFingerprint = fingerprint;
        }
        return sampling;
    }

    /** The generator's output for {@code input} in inference mode, through {@link #model()}. */
    public INDArray output(INDArray input) {
        Model m = model();
        return m instanceof MultiLayerNetwork mln ? mln.output(input, false) : ((ComputationGraph) m).outputSingle(false, input);
    }
}
