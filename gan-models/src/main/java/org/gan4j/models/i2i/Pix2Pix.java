package org.gan4j.models.i2i;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.ReconstructionLoss;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.AdversarialSteps;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.Seeds;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.WeightAveraging;
import org.gan4j.models.nets.PatchGan;
import org.gan4j.models.nets.ResnetGenerator;
import org.gan4j.models.nets.UnetGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * pix2pix (Isola et al. 2017, "Image-to-Image Translation with Conditional Adversarial Networks"),
 * following the authors' PyTorch code ({@code pix2pix_model.py}).
 *
 * <h2>{@link Preset#PAPER} (default): the paper's 256x256 model</h2>
 * G: U-Net-256 (8 down / 8 up levels, ngf 64, batch norm, dropout 0.5 in the three innermost ngf*8
 * decoder blocks after the bottleneck, skips by concatenation, tanh), 54.4 M parameters (see
 * {@code UnetGenerator}). D: the 70x70 PatchGAN (3 layers, ndf 64, batch norm) on the channel
 * concatenation of A and B (or G(A)), 30x30 logits. Loss: vanilla cGAN (binary cross-entropy on
 * logits; G minimises -log D(A, G(A))) + lambda_L1 = 100 x L1(G(A), B); D's loss is halved. Adam lr
 * 2e-4, beta1 0.5, beta2 0.999 for both networks, constant for 100 epochs then decaying linearly towards 0
 * over 100 more (the reference "linear" policy; {@code constantEpochs}, {@code decayEpochs}); weights
 * N(0, 0.02), biases 0; batch-norm momentum
 * 0.1 (DL4J decay 0.9), eps 1e-5. Data (set by the caller, see {@link #loadSize()}): resize 286,
 * random crop 256, random mirror, batch 1. One D step then one G step per iteration; D sees the
 * fake pair first, then the real one, each in its own forward pass (own batch statistics).
 *
 * <h2>{@link Preset#CPU}: a model that visibly learns in minutes on two cores</h2>
 * 64x64 (load 72, crop 64), U-Net of depth 6 (down to 1x1) with ngf 32 and one dropout level, a
 * 34x34 PatchGAN (2 layers, ndf 32, 14x14 logits). Losses, optimizer and initialisation as PAPER.
 *
 * <h2>Test time</h2>
 * {@link #translate} runs G as the reference {@code test.py} does by default (no {@code --eval}):
 * dropout on and batch statistics, i.e. DL4J's training-mode forward pass, which changes no
 * parameters. {@code testTimeDropout=false} switches to inference mode (running averages, no dropout); the CPU
 * preset's default, measured on the fashion-edges task with weight averaging (docs/results.md): its outputs are
 * harder to tell from real objects (two-sample accuracy 62.8 / 68.8 % against 62.0 / 75.0 % with test-time
 * dropout, seeds 42 / 7). Training averages G's weights by default
 * ({@link #DEFAULT_AVERAGING}); translations from a checkpoint use the average.
 *
 * <h2>Settings</h2>
 * {@link Pix2PixSettings} (its {@code TABLE} gives each with its default and description): the generator
 * (U-Net, default, or CycleGAN's ResNet with 9 or 6 blocks), sizes, widths, PatchGAN depth, lambda_L1, Adam
 * and the linear policy, channels, test-time dropout and which half of A|B files is the input.
 *
 * <h2>Deviations forced by DL4J</h2>
 * Batch-norm scale (gamma) starts at 1 instead of N(1, 0.02) (DL4J's batch norm takes a constant gamma
 * init). DL4J counts the batch-norm running mean and variance as parameters, so its parameter counts
 * exceed PyTorch's by two per normalised channel. The skip connections carry LeakyReLU-activated encoder
 * features exactly as the reference code's in-place LeakyReLU makes them.
 */
public final class Pix2Pix implements GanVariant, ImageTranslator {
    /** The variant name used by the command line and checkpoints. */
    public static final String NAME = "pix2pix";

    /** Batch size to train with unless told otherwise (Isola et al. 2017). */
    public static final int DEFAULT_BATCH_SIZE = 1;

    /**
     * Generator weight averaging to train with unless told otherwise: decay 0.999 from the first iteration. Not
     * in the paper; measured on the fashion-edges task (docs/results.md): lower L1 and higher SSIM for both seeds,
     * and translations harder to tell from real objects (two-sample accuracy 82.6 % to 62.0 % for seed 42).
     */
    public static final WeightAveraging DEFAULT_AVERAGING = new WeightAveraging(0.999, 0);
    static final String LOSS_D = "loss_D";
    static final String LOSS_D_REAL = "loss_D_real";
    static final String LOSS_D_FAKE = "loss_D_fake";
    static final String LOSS_G_GAN = "loss_G_GAN";
    static final String LOSS_G_L1 = "loss_G_L1";
    /** Examples in a preview taken from the training data when none was given. */
    static final int PREVIEW_PAIRS = 4;

    /** Hyper-parameter presets. */
    public enum Preset {
        /** 64x64, small U-Net and PatchGAN: learns in minutes on a CPU. */
        CPU,
        /** The paper's 256x256 U-Net-256 + 70x70 PatchGAN. */
        PAPER
    }

    /** Generator architectures. */
    public enum GeneratorKind {
        /** pix2pix's U-Net. */
        UNET,
        /** CycleGAN's ResNet generator with 9 residual blocks. */
        RESNET_9,
        /** CycleGAN's ResNet generator with 6 residual blocks. */
        RESNET_6
    }

    /** Which half of side-by-side A|B files is the input (setting {@code direction}). */
    public enum Direction {
        /** The left half (A) is the input. */
        ATOB,
        /** The right half (B) is the input: the model learns B to A. */
        BTOA
    }

    private final Pix2PixSettings settings;
    private final Generator generator;
    private final Discriminator discriminator;
    private final AdversarialLoss loss = AdversarialLoss.nonSaturating();
    private final PreviewImages previewImages = new PreviewImages(PREVIEW_PAIRS);

    private Pix2Pix(Pix2PixSettings s, Generator g, Discriminator d) {
        this.settings = s;
        this.generator = g;
        this.discriminator = d;
    }

    /** A builder with the {@link Preset#PAPER} defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder from settings as {@link #config()} gives them (unknown keys are an error). */
    public static Builder fromConfig(Map<String, String> config) {
        return new Builder().config(config);
    }

    /** The settings this variant was built with. */
    public Pix2PixSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    public Generator generator() {
        return generator;
    }

    public Discriminator discriminator() {
        return discriminator;
    }

    /** Side of the square training crops. */
    public int imageSize() {
        return settings.imageSize();
    }

    /** Side the training images are resized to before the random crop (286 for 256). */
    public int loadSize() {
        return settings.loadSize();
    }

    /**
     * Whether the model learns B to A from side-by-side A|B files, i.e. takes the right half as its input
     * (setting {@code direction=btoa}, pix2pix's {@code --direction BtoA}; default false). Data loaders read
     * this; the networks only ever see input and target.
     */
    public boolean reverseData() {
        return settings.direction() == Direction.BTOA;
    }

    @Override
    public int inputChannels() {
        return settings.inputChannels();
    }

    @Override
    public int outputChannels() {
        return settings.outputChannels();
    }

    @Override
    public int sizeMultiple() {
        return settings.generator() == GeneratorKind.UNET ? 1 << settings.unetDepth() : 4;
    }

    @Override
    public Map<String, Network> networks() {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("generator", generator);
        m.put("discriminator", discriminator);
        return m;
    }

    /** Side-by-side A|B pairs with this model's channels, sizes and direction. */
    @Override
    public DataSpec data() {
        return new DataSpec.PairedFolder(inputChannels(), outputChannels(), imageSize(), loadSize(), reverseData());
    }

    /** {@link #previewPairs} of the examples' A and B. */
    @Override
    public void usePreviewExamples(Batch examples) {
        previewPairs(examples.a(), examples.b());
    }

    /**
     * Uses these pairs (e.g. a few validation images) for every preview: rows of input | output | target.
     * Without them, the first {@value #PREVIEW_PAIRS} training pairs are used (and kept in checkpoints).
     */
    public Pix2Pix previewPairs(INDArray a, INDArray b) {
        checkPair(a, b);
        previewImages.set(a, b);
        return this;
    }

    private void checkPair(INDArray a, INDArray b) {
        if (b == null) {
            throw new IllegalArgumentException("pix2pix needs paired data: the batch has no B images");
        }
        long n = a.size(0);
        long s = imageSize();
        long[] ea = {n, inputChannels(), s, s};
        long[] eb = {n, outputChannels(), s, s};
        if (!Arrays.equals(a.shape(), ea) || !Arrays.equals(b.shape(), eb)) {
            throw new IllegalArgumentException("pix2pix expects A " + Arrays.toString(ea) + " and B " + Arrays.toString(eb)
                    + " but got " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape())
                    + " (check the image size and channels of the data against the preset)");
        }
    }

    @Override
    public Map<String, Double> trainStep(Batch batch, StepContext context) {
        INDArray a = batch.a();
        INDArray b = batch.b();
        checkPair(a, b);
        previewImages.takeIfEmpty(a, b);
        INDArray fake = generator.forward(a);

        // D step on (A, G(A)) as a plain array, then (A, B); each half of the loss is halved
        AdversarialSteps.DiscriminatorLosses d = AdversarialSteps.discriminatorStep(discriminator, loss,
                Nd4j.concat(1, a, b), Nd4j.concat(1, a, fake), 0.5, AdversarialSteps.Order.FAKE_FIRST, null);

        // G step through the updated D
        GeneratorLoss gl = generatorLoss(a, b, fake);
        generator.backward(gl.gradient());
        generator.applyGradients();

        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put(LOSS_D, d.total());
        losses.put(LOSS_G_GAN, gl.adversarial());
        losses.put(LOSS_G_L1, settings.lambdaL1() * gl.l1());
        losses.put(LOSS_D_REAL, d.real());
        losses.put(LOSS_D_FAKE, d.fake());
        return losses;
    }

    /** G's loss terms and its gradient w.r.t. G(A). */
    record GeneratorLoss(INDArray gradient, double adversarial, double l1) {}

    /**
     * The gradient of L_G = BCE(D(A, G(A)), real) + lambda * L1(G(A), B) w.r.t. G(A): D's input gradient
     * restricted to the B channels plus lambda times the L1 gradient. D is left untouched.
     */
    GeneratorLoss generatorLoss(INDArray a, INDArray b, INDArray fake) {
        AdversarialSteps.GeneratorSignal adv = AdversarialSteps.generatorSignal(discriminator, loss, Nd4j.concat(1, a, fake));
        INDArray dInput = adv.inputGradient();
        int c = inputChannels();
        INDArray gradFake = dInput.get(all(), interval(c, c + outputChannels()), all(), all()).dup();
        LossValue l1 = ReconstructionLoss.L1.compute(fake, b);
        gradFake.addi(l1.gradient().muli(settings.lambdaL1()));
        return new GeneratorLoss(gradFake, adv.loss(), l1.value());
    }

    /** G(A) as at test time (see the class documentation); sizes must be multiples of {@link #sizeMultiple()}. */
    @Override
    public INDArray translate(INDArray images) {
        Blocks.checkImages(NAME, images, inputChannels(), sizeMultiple());
        ComputationGraph g = (ComputationGraph) generator.model();
        return g.outputSingle(settings.testTimeDropout(), images.castTo(g.params().dataType()));
    }

    /** Rows of input | G(input) | target for the fixed preview pairs; dropout draws are seeded from {@code seed}. */
    @Override
    public Preview preview(long seed) {
        if (previewImages.isEmpty()) {
            return new Preview(Nd4j.zeros(DataType.FLOAT, 1, outputChannels(), imageSize(), imageSize()), 1);
        }
        Nd4j.getRandom().setSeed(Seeds.mix(seed, -1, 0x9e7)); // the trainer reseeds before every step
        INDArray out = translate(previewImages.a());
        return new Preview(PreviewImages.rows(rgb(previewImages.a()), rgb(out), rgb(previewImages.b())), 3);
    }

    private INDArray rgb(INDArray images) {
        return PreviewImages.rgb(images, inputChannels() != outputChannels());
    }

    @Override
    public Map<String, String> config() {
        return Pix2PixSettings.TABLE.write(settings);
    }

    /** Keeps preview pairs taken from the training data, so a resumed run shows the same ones. */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        previewImages.write(out);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        previewImages.read(in);
    }

    /** Settings; unset ones follow the preset ({@link Pix2PixSettings} documents each; shared setters inherited). */
    public static final class Builder extends TranslationBuilder<Pix2PixSettings, Builder> {
        private Builder() {
            super(Pix2PixSettings.TABLE);
        }

        /** Preset for sizes and widths (default {@link Preset#PAPER}). */
        public Builder preset(Preset p) {
            return set(Pix2PixSettings.PRESET, p);
        }

        /** Generator architecture (default U-Net). */
        public Builder generator(GeneratorKind kind) {
            return set(Pix2PixSettings.GENERATOR, kind);
        }

        /** U-Net down-sampling levels (default log2(imageSize): 8 for 256, i.e. down to 1x1). */
        public Builder unetDepth(int depth) {
            return set(Pix2PixSettings.UNET_DEPTH, depth);
        }

        /** Weight of the L1 term (default 100). */
        public Builder lambdaL1(double lambda) {
            return set(Pix2PixSettings.LAMBDA_L1, lambda);
        }

        /** Dropout and batch statistics at test time, as the reference code (default true). */
        public Builder testTimeDropout(boolean on) {
            return set(Pix2PixSettings.TEST_TIME_DROPOUT, on);
        }

        /** Learn B to A from A|B files: the right half is the input (default false). */
        public Builder reverseData(boolean on) {
            return set(Pix2PixSettings.DIRECTION, on ? Direction.BTOA : Direction.ATOB);
        }

        /** Builds the networks, initialised from {@code seed} (G) and {@code seed + 1} (D). */
        public Pix2Pix build(long seed) {
            return create(settings(), seed, dataType);
        }
    }

    /** A pix2pix model with these settings, its networks initialised from {@code seed} (G) and {@code seed + 1} (D). */
    public static Pix2Pix create(Pix2PixSettings s, long seed) {
        return create(s, seed, DataType.FLOAT);
    }

    private static Pix2Pix create(Pix2PixSettings s, long seed, DataType dataType) {
        Adam adam = TranslationSettings.adam(s);
        int size = s.imageSize();
        var gConf = s.generator() == GeneratorKind.UNET
                ? UnetGenerator.config(s.unetDepth(), s.ngf(), s.inputChannels(), s.outputChannels(), size, seed, adam,
                        dataType)
                : ResnetGenerator.config(s.generator() == GeneratorKind.RESNET_9 ? 9 : 6, s.ngf(), s.inputChannels(),
                        s.outputChannels(), size, s.resizeConv(), seed, adam, dataType);
        ComputationGraph g = new ComputationGraph(gConf);
        g.init();
        MultiLayerNetwork d = new MultiLayerNetwork(PatchGan.config(s.dLayers(), s.ndf(),
                s.inputChannels() + s.outputChannels(), size, PatchGan.Norm.BATCH, seed + 1, adam, dataType));
        d.init();
        return new Pix2Pix(s, Generator.of(g, s.inputChannels(), size, size), Discriminator.of(d));
    }
}
