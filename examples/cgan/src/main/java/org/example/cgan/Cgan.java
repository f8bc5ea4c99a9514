package org.example.cgan;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.Target;
import org.gan4j.core.nn.BatchNormStatistics;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.ConditionalSampler;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A conditional GAN on MNIST (Mirza &amp; Osindero 2014): G gets noise and a one-hot class label, D gets an image
 * and the same label, so G learns to draw the digit it is asked for and D to reject digits of the wrong class.
 *
 * <p>Networks (the MLPs of gan4j's {@code gan} variant, widened at the input for the label):
 * G: [z(100), y(10)] -> 128 -> LReLU(0.2) -> 256 -> BN -> LReLU -> 512 -> BN -> LReLU -> 1024 -> BN -> LReLU
 * -> 784 -> tanh. D: [x(784), y(10)] -> 512 -> LReLU(0.2) -> 256 -> LReLU -> 1 (a logit).
 * Non-saturating loss, Adam(2e-4, 0.5) for both, batch 64. The paper's networks (maxout D, dropout, SGD with
 * momentum) are replaced by this modern recipe; the label enters both networks by concatenation as in the paper.
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
    private Model sampling;
    private double samplingFingerprint = Double.NaN;
    private int samplingIteration = -1;

    /** A cGAN with freshly initialised networks: G from {@code seed}, D from {@code seed + 1}. */
    public Cgan(CganSettings settings, long seed) {
        this.settings = settings;
        Adam adam = new Adam(settings.learningRate(), settings.beta1(), 0.999, 1e-7);
        int z = settings.latentSize();
        this.generator = Generator.of(mlpGenerator(seed, adam, z + CLASSES, PIXELS), z + CLASSES);
        this.discriminator = Discriminator.of(mlpDiscriminator(seed + 1, adam, PIXELS + CLASSES));
        this.loss = AdversarialLoss.nonSaturating().withRealLabel(settings.realLabel());
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

    /** D: flattened image and one-hot label side by side, {@code [B, 794]}, to a logit {@code [B, 1]}. */
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
        INDArray oneHot = batch.b();
        if (oneHot == null || oneHot.rank() != 2 || oneHot.size(1) != CLASSES) {
            throw new IllegalArgumentException(NAME + " trains on labelled digits (one-hot labels [B, " + CLASSES
                    + "] in Batch.b()); the data gives " + (oneHot == null ? "none" : oneHot.shapeInfoToString()));
        }
        INDArray labels = oneHot.castTo(DataType.FLOAT).mul(settings.labelScale());
        INDArray real = Nd4j.hstack(batch.a().reshape(n, PIXELS), labels);
        INDArray fakeImages = generator.forward(Nd4j.hstack(context.gaussian(n, settings.latentSize()), labels));
        INDArray fake = Nd4j.hstack(fakeImages, labels);

        LossValue onReal = loss.discriminator(discriminator.forward(real), Target.REAL);
        discriminator.backward(onReal.gradient());
        LossValue onFake = loss.discriminator(discriminator.forward(fake), Target.FAKE);
        discriminator.backward(onFake.gradient());
        discriminator.applyGradients();

        LossValue g = loss.generator(discriminator.forward(fake));
        INDArray dInput = discriminator.inputGradient(g.gradient());
        // D's input is [image, label]: the image part of its gradient is G's output gradient
        generator.backward(dInput.get(all(), interval(0, PIXELS)).dup());
        generator.applyGradients();

        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_D", onReal.value() + onFake.value());
        losses.put("loss_G", g.value());
        return losses;
    }

    /** One row per class, {@value #PREVIEW_COLUMNS} digits each, from noise drawn from {@code seed}. */
    @Override
    public Preview preview(long seed) {
        int[] labels = new int[CLASSES * PREVIEW_COLUMNS];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / PREVIEW_COLUMNS;
        }
        INDArray noise = StepContext.gaussian(new SplittableRandom(seed), labels.length, settings.latentSize());
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
        INDArray in = Nd4j.hstack(noise.castTo(DataType.FLOAT), labelCode(labels));
        return ((MultiLayerNetwork) samplingModel()).output(in, false).reshape(labels.length, 1, 28, 28);
    }

    /**
     * G in inference mode with batch-norm statistics re-estimated for its current weights: input
     * {@code [B, latentSize + 10]} (noise, then the one-hot label), output {@code [B, 784]} in [-1, 1].
     */
    @Override
    public synchronized Model samplingModel() {
        MultiLayerNetwork g = (MultiLayerNetwork) generator.model();
        double fingerprint = g.params().sumNumber().doubleValue();
        if (sampling == null || samplingIteration != generator.iteration() || samplingFingerprint != fingerprint) {
            MultiLayerNetwork copy = g.clone();
            BatchNormStatistics.reestimate(copy, calibration());
            sampling = copy;
            samplingIteration = generator.iteration();
            samplingFingerprint = fingerprint;
        }
        return sampling;
    }

    private List<INDArray> calibration() {
        SplittableRandom random = new SplittableRandom(0x5eedL);
        List<INDArray> batches = new ArrayList<>();
        int[] labels = new int[256];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % CLASSES;
        }
        for (int b = 0; b < 4; b++) {
            batches.add(Nd4j.hstack(StepContext.gaussian(random, labels.length, settings.latentSize()), labelCode(labels)));
        }
        return batches;
    }

    /** The label code both networks get: rows {@code [labels.length, 10]}, {@code labelScale} at the class, else 0. */
    INDArray labelCode(int[] labels) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, labels.length, CLASSES);
        for (int i = 0; i < labels.length; i++) {
            y.putScalar(i, labels[i], settings.labelScale());
        }
        return y;
    }

    private static NeuralNetConfiguration.ListBuilder base(long seed, Adam adam) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(adam).weightInit(WeightInit.XAVIER_UNIFORM).list();
    }

    private static MultiLayerNetwork mlpGenerator(long seed, Adam adam, long in, long out) {
        var list = base(seed, adam);
        int[] widths = {128, 256, 512, 1024};
        for (int i = 0; i < widths.length; i++) {
            list.layer(new DenseLayer.Builder().nOut(widths[i]).activation(Activation.IDENTITY).build());
            if (i > 0) {
                list.layer(new BatchNormalization.Builder().decay(0.8).eps(1e-3).build());
            }
            list.layer(new ActivationLayer.Builder().activation(new ActivationLReLU(0.2)).build());
        }
        list.layer(new DenseLayer.Builder().nOut(out).activation(Activation.TANH).build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(InputType.feedForward(in)).build());
        net.init();
        return net;
    }

    private static MultiLayerNetwork mlpDiscriminator(long seed, Adam adam, long in) {
        MultiLayerNetwork net = new MultiLayerNetwork(base(seed, adam)
                .layer(new DenseLayer.Builder().nOut(512).activation(new ActivationLReLU(0.2)).build())
                .layer(new DenseLayer.Builder().nOut(256).activation(new ActivationLReLU(0.2)).build())
                .layer(new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build())
                .setInputType(InputType.feedForward(in)).build());
        net.init();
        return net;
    }
}
