package org.gan4j.examples.plugin;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.data.InMemoryBatchSource;
import org.gan4j.core.data.TrainingData;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.AdversarialSteps;
import org.gan4j.core.train.ConditionalSampler;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * A tiny conditional GAN written as a plug-in would be: public gan4j API only, registered through this test
 * source set's {@code META-INF/services}, unknown to the command line's code. G gets noise and a one-hot
 * label, D gets the flattened image and the label. Its data is a {@link DataSpec.Custom} spec: labelled
 * synthetic "digits" (class k is a bright bar at rows 2k, 2k+1) opened from the --data folder, which must
 * exist and gives the number of examples in a file {@code examples.txt}, so tests can see the folder arrive.
 */
public final class ToyConditionalGan implements GanVariant, ConditionalSampler {
    static final String NAME = "toycgan";
    static final int CLASSES = 10;
    static final int NOISE = 8;
    static final int PIXELS = 28 * 28;

    private final int hidden;
    private final Generator generator;
    private final Discriminator discriminator;
    private final AdversarialLoss loss = AdversarialLoss.nonSaturating();

    ToyConditionalGan(int hidden, long seed) {
        this.hidden = hidden;
        this.generator = Generator.of(mlp(seed, NOISE + CLASSES, hidden, PIXELS, Activation.TANH), NOISE + CLASSES);
        this.discriminator = Discriminator.of(mlp(seed + 1, PIXELS + CLASSES, hidden, 1, Activation.IDENTITY));
    }

    private static MultiLayerNetwork mlp(long seed, int in, int hidden, int out, Activation last) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Adam(2e-4, 0.5, 0.999, 1e-8))
                .list()
                .layer(new DenseLayer.Builder().nIn(in).nOut(hidden).activation(Activation.LEAKYRELU).build())
                .layer(new DenseLayer.Builder().nIn(hidden).nOut(out).activation(last).build())
                .build());
        net.init();
        return net;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Network> networks() {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("generator", generator);
        m.put("discriminator", discriminator);
        return m;
    }

    @Override
    public Map<String, Double> trainStep(Batch batch, StepContext context) {
        int n = batch.size();
        INDArray labels = batch.b();
        INDArray fake = generator.forward(Nd4j.hstack(context.gaussian(n, NOISE), labels));
        INDArray fakeIn = Nd4j.hstack(fake, labels);
        double lossD = AdversarialSteps.discriminatorStep(discriminator, loss,
                Nd4j.hstack(batch.a().reshape(n, PIXELS), labels), fakeIn).total();
        // G's gradient: D's input gradient restricted to the image columns (the label columns are given)
        AdversarialSteps.GeneratorSignal g = AdversarialSteps.generatorSignal(discriminator, loss, fakeIn);
        generator.backward(g.inputGradient().get(all(), interval(0, PIXELS)).dup());
        generator.applyGradients();
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_D", lossD);
        losses.put("loss_G", g.loss());
        return losses;
    }

    @Override
    public Preview preview(long seed) {
        int[] labels = new int[2 * CLASSES];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % CLASSES;
        }
        return new Preview(generate(StepContext.gaussian(new SplittableRandom(seed), labels.length, NOISE), labels),
                CLASSES);
    }

    @Override
    public Map<String, String> config() {
        return ToySettings.TABLE.write(new ToySettings(hidden));
    }

    @Override
    public DataSpec data() {
        return new DataSpec.Custom("a folder with examples.txt (the number of synthetic examples)", ToyConditionalGan::open,
                ToyConditionalGan::synthetic);
    }

    /** The data of a --data folder: {@code examples.txt} holds the number of examples. */
    static TrainingData open(Path dataDir, int batch) throws java.io.IOException {
        if (dataDir == null || !Files.isRegularFile(dataDir.resolve("examples.txt"))) {
            throw new IllegalArgumentException(NAME + " needs --data DIR with examples.txt, got " + dataDir);
        }
        int n = Integer.parseInt(Files.readString(dataDir.resolve("examples.txt")).trim());
        Batch all = bars(n);
        return TrainingData.of(new InMemoryBatchSource(all.a(), all.b(), batch));
    }

    /** {@code n} examples, class {@code i % 10}: dark images with a bright bar at rows 2k and 2k + 1. */
    static Batch bars(int n) {
        INDArray images = Nd4j.valueArrayOf(new long[] {n, 1, 28, 28}, -1f, DataType.FLOAT);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, n, CLASSES);
        for (int i = 0; i < n; i++) {
            int k = i % CLASSES;
            labels.putScalar(i, k, 1f);
            images.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i), all(), interval(2 * k, 2 * k + 2), all()).assign(1f);
        }
        return new Batch(images, labels);
    }

    private static Batch synthetic(int n) {
        return new DataSpec.LabelledMnist().syntheticBatch(n);
    }

    @Override
    public int numClasses() {
        return CLASSES;
    }

    @Override
    public long[] noiseShape() {
        return new long[] {NOISE};
    }

    @Override
    public INDArray generate(INDArray noise, int[] labels) {
        checkLabels(labels, noise.size(0));
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, labels.length, CLASSES);
        for (int i = 0; i < labels.length; i++) {
            oneHot.putScalar(i, labels[i], 1f);
        }
        return generator.output(Nd4j.hstack(noise.castTo(DataType.FLOAT), oneHot)).reshape(labels.length, 1, 28, 28);
    }

    /** G: noise (8) followed by the one-hot label (10) in, 784 pixels in [-1, 1] out. */
    @Override
    public Model samplingModel() {
        return generator.model();
    }
}
