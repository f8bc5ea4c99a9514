package org.example.cgan;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Model;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.nn.SamplingCopy;
import org.gan4j.core.train.AdversarialSteps;
import org.gan4j.core.train.AdversarialSteps.DiscriminatorLosses;
import org.gan4j.core.train.AdversarialSteps.GeneratorSignal;
import org.gan4j.core.train.ConditionalSampler;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.gan4j.models.nets.MlpNets;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A conditional GAN on MNIST (Mirza &amp; Osindero 2014): G gets noise and a class label, D gets an image and
 * the same label, so G learns to draw the digit it is asked for and D to reject digits of the wrong class.
 *
 * <p>Networks: gan4j's MLP stacks ({@link MlpNets}, those of the {@code gan} variant) with the label
 * beside their input. G: [z(100), y(10)] -> 128 -> LReLU(0.2) -> 256 -> BN -> LReLU -> 512 -> BN -> LReLU -> 1024
 * -> BN -> LReLU -> 784 -> tanh. D: [x(784), labelScale * y(10)] -> 512 -> LReLU(0.2) -> 256 -> LReLU -> 1 (a logit).
 * Non-saturating loss, Adam(2e-4, 0.5, 0.999) for both, batch 64: a modern recipe in place of the paper's maxout
 * D, dropout and SGD with momentum. The label enters both networks by concatenation, as in the paper.
 *
 * <p>D's label code is one-hot with {@code labelScale} (default 30) as its hot entry; G gets a plain one-hot.
 * Adam moves every weight by about the learning rate per step, so an input's influence on a layer grows in
 * proportion to its magnitude: a 0/1 code beside 784 pixels is learned far more slowly than the image, and D
 * judged the images without their labels for a long time (with a plain one-hot code, 14 % of the samples
 * showed the requested digit after 2 epochs). Scaling G's code too made G ignore its noise (one image per
 * class); scaling D's alone conditions within a few hundred iterations and keeps the samples diverse.
 *
 * <p>Implements {@link ConditionalSampler}, so {@code gan sample --label N} and {@code gan evaluate mnist}
 * (which then reports the share of samples classified as the requested digit) work with it.
 */
public final class Cgan implements GanVariant, ConditionalSampler {
    /** The name the command line and checkpoints use. */
    public static final String NAME = "cgan";
    /** Batch size unless the user gives one. */
    public static final int DEFAULT_BATCH_SIZE = 64;
    /** Digits. */
    public static final int CLASSES = DataSpec.LabelledMnist.CLASSES;
    static final int PIXELS = 28 * 28;
    /** Preview grid: one row per class, this many columns. */
    static final int PREVIEW_COLUMNS = 10;

    private final CganSettings settings;
    private final Generator generator;
    private final Discriminator discriminator;
    private final AdversarialLoss loss;
    private final SamplingCopy sampling;

    /** A cGAN with freshly initialised networks: G from {@code seed}, D from {@code seed + 1}. */
    public Cgan(CganSettings settings, long seed) {
        this.settings = settings;
        Adam adam = new Adam(settings.learningRate(), settings.beta1(), 0.999, 1e-7);
        int z = settings.latentSize();
        this.generator = Generator.of(MlpNets.generator(seed, adam, z + CLASSES, PIXELS), z + CLASSES);
        this.discriminator = Discriminator.of(MlpNets.discriminator(seed + 1, adam, PIXELS + CLASSES));
        this.loss = AdversarialLoss.nonSaturating().withRealLabel(settings.realLabel());
        this.sampling = new SamplingCopy(generator, this::calibration);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The settings this variant was built with. */
    public CganSettings settings() {
        return settings;
    }

    /** G: noise and one-hot label side by side, {@code [B, latentSize + 10]}, to flattened images {@code [B, 784]}. */
    public Generator generator() {
        return generator;
    }

    /** D: flattened image and label code ({@code labelScale} at the class) side by side, {@code [B, 794]}, to a logit {@code [B, 1]}. */
    public Discriminator discriminator() {
        return discriminator;
    }

    @Override
    public Map<String, Network> networks() {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("generator", generator);
        m.put("discriminator", discriminator);
        return m;
    }

    /** MNIST digits with their labels: {@code Batch.a()} the images, {@code Batch.b()} one-hot labels. */
    @Override
    public DataSpec data() {
        return new DataSpec.LabelledMnist();
    }

    @Override
    public Map<String, String> config() {
        return CganSettings.TABLE.write(settings);
    }

    /**
     * One D step on real digits and G's digits for the same labels, then one G step through the updated D. The
     * generated batch is a plain array, so the D step cannot reach G; D's input gradient trains G, D untouched.
     */
    @Override
    public Map<String, Double> trainStep(Batch batch, StepContext context) {
        int n = batch.size();
        INDArray y = batch.b();
        if (y == null || y.rank() != 2 || y.size(1) != CLASSES) {
            throw new IllegalArgumentException(NAME + " trains on labelled digits (one-hot labels [B, " + CLASSES
                    + "] in Batch.b()); the data gives " + (y == null ? "none" : y.shapeInfoToString()));
        }
        INDArray labels = y.castTo(DataType.FLOAT);
        INDArray forD = labels.mul(settings.labelScale()); // see the class description
        INDArray real = Nd4j.hstack(batch.a().reshape(n, PIXELS), forD);
        INDArray fakeImages = generator.forward(Nd4j.hstack(context.gaussian(n, settings.latentSize()), labels));
        INDArray fake = Nd4j.hstack(fakeImages, forD); // a plain array: the D step cannot reach G

        DiscriminatorLosses d = AdversarialSteps.discriminatorStep(discriminator, loss, real, fake);
        GeneratorSignal g = AdversarialSteps.generatorSignal(discriminator, loss, fake); // D untouched
        // D's input is [image, label]: the image columns of its input gradient are G's output gradient
        generator.backward(g.inputGradient().get(all(), interval(0, PIXELS)).dup());
        generator.applyGradients();

        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_D", d.total());
        losses.put("loss_G", g.loss());
        return losses;
    }

    /** One row per class, {@value #PREVIEW_COLUMNS} digits each, from noise drawn from {@code seed}. */
    @Override
    public Preview preview(long seed) {
        int[] labels = new int[CLASSES * PREVIEW_COLUMNS];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / PREVIEW_COLUMNS;
        }
        INDArray noise = StepContext.gaussian(Preview.random(seed), labels.length, settings.latentSize());
        return new Preview(generate(noise, labels), PREVIEW_COLUMNS);
    }

    @Override
    public int numClasses() {
        return CLASSES;
    }

    @Override
    public long[] noiseShape() {
        return new long[] {settings.latentSize()};
    }

    @Override
    public INDArray generate(INDArray noise, int[] labels) {
        checkLabels(labels, noise.size(0));
        INDArray in = Nd4j.hstack(noise.castTo(DataType.FLOAT), oneHot(labels));
        return sampling.output(in).reshape(labels.length, 1, 28, 28);
    }

    /**
     * G in inference mode with batch-norm statistics re-estimated for its current weights: input
     * {@code [B, latentSize + 10]} (noise, then the one-hot label),
     * output {@code [B, 784]} in [-1, 1].
     */
    @Override
    public Model samplingModel() {
        return sampling.model();
    }

    /** The sampling copy of G ({@link #samplingModel()}), written as {@code generator.zip} at the end of a run. */
    @Override
    public Map<String, Model> exportedModels() {
        return Map.of("generator", samplingModel());
    }

    /** Calibration inputs of the sampling copy: fixed noise, every class equally often. */
    private List<INDArray> calibration() {
        SplittableRandom random = new SplittableRandom(0x5eedL);
        int[] labels = new int[SamplingCopy.CALIBRATION_BATCH];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % CLASSES;
        }
        List<INDArray> batches = new ArrayList<>();
        for (int b = 0; b < SamplingCopy.CALIBRATION_BATCHES; b++) {
            batches.add(Nd4j.hstack(StepContext.gaussian(random, labels.length, settings.latentSize()), oneHot(labels)));
        }
        return batches;
    }

    /** One-hot rows {@code [labels.length, 10]}: G's label input. */
    static INDArray oneHot(int[] labels) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, labels.length, CLASSES);
        for (int i = 0; i < labels.length; i++) {
            y.putScalar(i, labels[i], 1f);
        }
        return y;
    }
}
