package org.gan4j.models.unconditional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.loss.AdversarialLoss;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.nn.BatchNormStatistics;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.ImageSampler;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.Seeds;
import org.gan4j.core.train.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/** What the MLP GAN and DCGAN share: G maps noise to images, D scores images, one standard step. */
abstract class NoiseToImageGan implements GanVariant, ImageSampler {
    /** Number of images in a preview grid (8 x 8). */
    static final int PREVIEW_IMAGES = 64;

    private final String name;
    private final Generator generator;
    private final Discriminator discriminator;
    private final AdversarialLoss loss;
    private final int generatorEvery;
    private final long[] imageShape;
    private final long[] dataShape;
    private final Map<String, String> config;
    private Model sampling;
    private int samplingIteration;
    private double samplingFingerprint;

    /** Noise batches over which a sampling copy's batch-norm statistics are re-estimated. */
    static final int CALIBRATION_BATCHES = 4;
    /** Size of each of those batches. */
    static final int CALIBRATION_BATCH = 256;

    /**
     * @param imageShape [C, H, W] of the images
     * @param dataShape per-example shape G produces and D reads ([C, H, W], or [C*H*W] for MLPs)
     */
    NoiseToImageGan(String name, Generator generator, Discriminator discriminator, AdversarialLoss loss,
                    int generatorEvery, long[] imageShape, long[] dataShape, Map<String, String> config) {
        this.name = name;
        this.generator = generator;
        this.discriminator = discriminator;
        this.loss = loss;
        this.generatorEvery = generatorEvery;
        this.imageShape = imageShape.clone();
        this.dataShape = dataShape.clone();
        this.config = Map.copyOf(config);
    }

    /** Both train on MNIST digits. */
    @Override
    public DataSpec data() {
        return new DataSpec.MnistImages();
    }

    @Override
    public final String name() {
        return name;
    }

    /** The generator: noise of shape {@code generator().inputShape()} to images in [-1, 1]. */
    public final Generator generator() {
        return generator;
    }

    public final Discriminator discriminator() {
        return discriminator;
    }

    @Override
    public final Map<String, Network> networks() {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("generator", generator);
        m.put("discriminator", discriminator);
        return m;
    }

    @Override
    public final Map<String, Double> trainStep(Batch batch, StepContext context) {
        INDArray real = batch.a();
        long[] expected = UnconditionalSteps.prepend(real.size(0), imageShape);
        if (!java.util.Arrays.equals(real.shape(), expected)) {
            throw new IllegalArgumentException(name + " expects images of shape " + java.util.Arrays.toString(expected)
                    + " but the data gives " + java.util.Arrays.toString(real.shape()));
        }
        real = real.reshape(UnconditionalSteps.prepend(real.size(0), dataShape));
        return UnconditionalSteps.step(generator, discriminator, loss, real, context, generatorEvery);
    }

    @Override
    public final Preview preview(long seed) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, -1, 0x9e7));
        return new Preview(generate(StepContext.gaussian(random,
                UnconditionalSteps.prepend(PREVIEW_IMAGES, generator.inputShape()))), 8);
    }

    @Override
    public final long[] noiseShape() {
        return generator.inputShape();
    }

    /**
     * Images from noise in inference mode. A generator with batch norm runs as a copy whose batch-norm
     * statistics are re-estimated for the current weights ({@link BatchNormStatistics}, over
     * {@value #CALIBRATION_BATCHES} fixed batches of {@value #CALIBRATION_BATCH} noise vectors; redone
     * when G has trained since): the running averages trail G's drifting activations and made
     * mid-training samples noise. The training generator is not modified.
     */
    @Override
    public final INDArray generate(INDArray noise) {
        INDArray out = output(samplingModel(), noise);
        return out.reshape(UnconditionalSteps.prepend(out.size(0), imageShape));
    }

    @Override
    public final synchronized Model samplingModel() {
        Model g = generator.model();
        if (!BatchNormStatistics.hasBatchNorm(g)) {
            return g;
        }
        // keyed by the weights, not only the iteration: a checkpoint restored into G keeps its counter
        double fingerprint = g.params().sumNumber().doubleValue();
        if (sampling == null || samplingIteration != generator.iteration() || samplingFingerprint != fingerprint) {
            Model copy = g instanceof MultiLayerNetwork m ? m.clone() : ((ComputationGraph) g).clone();
            SplittableRandom random = new SplittableRandom(0x5eedL);
            List<INDArray> batches = new ArrayList<>();
            for (int i = 0; i < CALIBRATION_BATCHES; i++) {
                batches.add(StepContext.gaussian(random, UnconditionalSteps.prepend(CALIBRATION_BATCH, generator.inputShape())));
            }
            BatchNormStatistics.reestimate(copy, batches);
            sampling = copy;
            samplingIteration = generator.iteration();
            samplingFingerprint = fingerprint;
        }
        return sampling;
    }

    private static INDArray output(Model m, INDArray x) {
        return m instanceof MultiLayerNetwork mln ? mln.output(x, false) : ((ComputationGraph) m).outputSingle(false, x);
    }

    @Override
    public final Map<String, String> config() {
        return config;
    }
}
