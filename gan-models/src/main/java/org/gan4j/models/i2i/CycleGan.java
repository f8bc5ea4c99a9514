package org.gan4j.models.i2i;

import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Model;
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
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.WeightAveraging;
import org.gan4j.models.nets.PatchGan;
import org.gan4j.models.nets.ResnetGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * CycleGAN (Zhu, Park, Isola, Efros 2017, "Unpaired Image-to-Image Translation using Cycle-Consistent
 * Adversarial Networks"), following the authors' PyTorch code ({@code cycle_gan_model.py},
 * {@code networks.py}, {@code util/image_pool.py}). Unpaired data: {@link Batch#a()} from domain A,
 * {@link Batch#b()} from domain B, drawn independently.
 *
 * <h2>{@link Preset#PAPER} (default)</h2>
 * G_AB: A to B, G_BA: B to A, each CycleGAN's ResNet generator with 9 blocks (c7s1-64, d128, d256,
 * R256 x 9, u128, u64, c7s1-3, instance norm without affine parameters, reflection padding, tanh),
 * 11,378,179 parameters; D_B (judges B) and D_A (judges A): the 70x70 PatchGAN (3 layers, ndf 64) with
 * instance norm, 2,764,737 parameters. Losses: LSGAN (mean squared error against 1 for real, 0 for
 * fake); cycle L1 with lambda_A = lambda_B = 10; identity L1 weighted lambda_identity x lambda
 * (0.5 x 10: ||G_AB(B) - B|| with lambda_B, ||G_BA(A) - A|| with lambda_A); each D's loss halved. Each D
 * sees its fakes through an {@link ImagePool} of 50 images. Adam lr 2e-4, beta1 0.5, beta2 0.999 for
 * the generators (one update of both, as the reference's joint optimizer: Adam is per parameter) and
 * the discriminators; constant for 100 epochs, then linear decay towards 0 over 100 more. Weights
 * N(0, 0.02), biases 0. Data (set by the caller, {@link #loadSize()}): resize 286, random crop 256,
 * random mirror, batch 1.
 *
 * <h2>{@link Preset#CPU}</h2>
 * 64x64 (load 72, crop 64), ResNet generators with ngf 32 and 3 blocks, 34x34 PatchGANs (2 layers,
 * ndf 32, 14x14 patches). Losses, pool, optimizer and initialisation as PAPER.
 *
 * <h2>Generator weight averaging (on by default)</h2>
 * Training averages both generators' weights ({@link #DEFAULT_AVERAGING}); previews, translations from a
 * checkpoint and the exported generators use the averages. Not in the paper; measured on the CPU benchmark task
 * (docs/results.md): more translations reach the target domain in the harder direction, for every seed and
 * length measured, and they are harder to tell from real images. {@code gan train --ema 0} turns it off.
 *
 * <h2>One step (the reference's order)</h2>
 * Generators first, through the current discriminators, whose parameters, optimizer state and counters
 * stay untouched (their input gradients only): L_G = LSGAN(D_B(G_AB(A))) + LSGAN(D_A(G_BA(B)))
 * + lambda_A |G_BA(G_AB(A)) - A| + lambda_B |G_AB(G_BA(B)) - B| + identity terms; the cycle terms reach the
 * first generator through the second one's input gradient ({@link Generator#backwardToInput}). Then
 * D_B on B (real) and the pooled G_AB(A) (fake), and D_A on A and the pooled G_BA(B). Every generator
 * forward pass is in training mode; instance norm has no running statistics, so test time computes
 * the same function.
 *
 * <h2>Settings</h2>
 * {@link CycleGanSettings} (its {@code TABLE} gives each with its default and description): sizes, widths,
 * blocks, PatchGAN depth, resize-convolutions, the cycle and identity weights, the pool size, Adam and the
 * linear policy, channels of A and B.
 *
 * <h2>Deviations</h2>
 * G_BA runs its fake path G_BA(B) on a {@link Generator#twin() twin} (same parameters, its own
 * forward state), whose backward pass waits until G_AB's cycle pass has given the cycle's share of
 * its gradient: six generator forward passes per step as the reference, at the cost of keeping a
 * second set of G_BA's activations. The pool draws come from the step's seeded random source instead of
 * Python's global {@code random}.
 */
public final class CycleGan implements GanVariant, ImageTranslator {
    /** The variant name used by the command line and checkpoints. */
    public static final String NAME = "cyclegan";

    /** Batch size to train with unless told otherwise (Zhu et al. 2017). */
    public static final int DEFAULT_BATCH_SIZE = 1;

    /**
     * Generator weight averaging to train with unless told otherwise: decay 0.999 from the first iteration. Not in
     * the paper; measured on the fashion-unpaired task (docs/results.md).
     */
    public static final WeightAveraging DEFAULT_AVERAGING = new WeightAveraging(0.999, 0);
    /** Examples of each domain in a preview taken from the training data when none were given. */
    static final int PREVIEW_IMAGES = 4;

    /** Hyper-parameter presets. */
    public enum Preset {
        /** 64x64, ngf 32, 3 blocks, 2-layer PatchGAN: learns in minutes on a CPU. */
        CPU,
        /** The paper's 256x256 ResNet-9 generators and 70x70 PatchGANs. */
        PAPER
    }

    private final CycleGanSettings settings;
    private final Generator gAB;
    private final Generator gBA;
    /** G_BA's parameters with a second forward state: its fake path G_BA(B) (see {@link #generatorStep}). */
    private final Generator gBAFakePath;
    private final Discriminator dB;
    private final Discriminator dA;
    private final AdversarialLoss loss = AdversarialLoss.leastSquares();
    private final ImagePool fakeAPool;
    private final ImagePool fakeBPool;
    private final PreviewImages previewImages = new PreviewImages(PREVIEW_IMAGES);

    private CycleGan(CycleGanSettings b, Generator gAB, Generator gBA, Discriminator dB, Discriminator dA) {
        this.settings = b;
        this.gAB = gAB;
        this.gBA = gBA;
        this.gBAFakePath = gBA.twin();
        this.dB = dB;
        this.dA = dA;
        this.fakeAPool = new ImagePool(b.poolSize());
        this.fakeBPool = new ImagePool(b.poolSize());
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
    public CycleGanSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A to B. */
    public Generator generatorAB() {
        return gAB;
    }

    /** B to A. */
    public Generator generatorBA() {
        return gBA;
    }

    /** Judges domain B (real B against G_AB(A)). */
    public Discriminator discriminatorB() {
        return dB;
    }

    /** Judges domain A (real A against G_BA(B)). */
    public Discriminator discriminatorA() {
        return dA;
    }

    /** Side of the square training crops. */
    public int imageSize() {
        return settings.imageSize();
    }

    /** Side the training images are resized to before the random crop (286 for 256). */
    public int loadSize() {
        return settings.loadSize();
    }

    /** Channels of domain A. */
    @Override
    public int inputChannels() {
        return settings.inputChannels();
    }

    /** Channels of domain B. */
    @Override
    public int outputChannels() {
        return settings.outputChannels();
    }

    @Override
    public int sizeMultiple() {
        return 4;
    }

    /** Both generators, as plain DL4J models: {@code G_AB} (A to B) and {@code G_BA} (B to A). */
    @Override
    public Map<String, Model> exportedModels() {
        return TwoWay.exportedModels(gAB.model(), gBA.model());
    }

    @Override
    public Map<String, Network> networks() {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("G_AB", gAB);
        m.put("G_BA", gBA);
        m.put("D_A", dA);
        m.put("D_B", dB);
        return m;
    }

    /** trainA/trainB folders with this model's channels and sizes. */
    @Override
    public DataSpec data() {
        return new DataSpec.UnpairedFolders(inputChannels(), outputChannels(), imageSize(), loadSize());
    }

    /** {@link #previewImages} of the examples' A and B. */
    @Override
    public void usePreviewExamples(Batch examples) {
        previewImages(examples.a(), examples.b());
    }

    /** Uses these images (e.g. from testA and testB) for every preview; otherwise the first training ones. */
    public CycleGan previewImages(INDArray a, INDArray b) {
        check(a, b);
        previewImages.set(a, b);
        return this;
    }

    private void check(INDArray a, INDArray b) {
        if (b == null) {
            throw new IllegalArgumentException("cyclegan needs images of both domains: the batch has no B images");
        }
        long s = imageSize();
        long[] ea = {a.size(0), inputChannels(), s, s};
        long[] eb = {b.size(0), outputChannels(), s, s};
        if (!Arrays.equals(a.shape(), ea) || !Arrays.equals(b.shape(), eb)) {
            throw new IllegalArgumentException("cyclegan expects A " + Arrays.toString(ea) + " and B " + Arrays.toString(eb)
                    + " but got " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape())
                    + " (check the image size and channels of the data against the preset)");
        }
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException("cyclegan expects as many A as B images per batch, got " + a.size(0)
                    + " and " + b.size(0));
        }
    }

    @Override
    public Map<String, Double> trainStep(Batch batch, StepContext context) {
        INDArray a = batch.a();
        INDArray b = batch.b();
        check(a, b);
        previewImages.takeIfEmpty(a, b);
        GeneratorStep g = generatorStep(a, b);
        gAB.applyGradients();
        gBA.applyGradients();

        // discriminators on the pooled fakes (plain arrays: nothing flows back into the generators)
        SplittableRandom random = context.random();
        double lossDB = discriminatorStep(dB, b, fakeBPool.query(g.fakeB(), random));
        double lossDA = discriminatorStep(dA, a, fakeAPool.query(g.fakeA(), random));

        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("loss_D_A", lossDA);
        losses.put("loss_G_AB", g.ganA());
        losses.put("loss_cycle_A", settings.lambdaA() * g.cycleA());
        losses.put("loss_idt_A", settings.lambdaB() * settings.lambdaIdentity() * g.idtA());
        losses.put("loss_D_B", lossDB);
        losses.put("loss_G_BA", g.ganB());
        losses.put("loss_cycle_B", settings.lambdaB() * g.cycleB());
        losses.put("loss_idt_B", settings.lambdaA() * settings.lambdaIdentity() * g.idtB());
        return losses;
    }

    /** The generated batches and the unweighted loss terms of a generator step. */
    record GeneratorStep(INDArray fakeA, INDArray fakeB, double ganA, double ganB, double cycleA, double cycleB,
                         double idtA, double idtB) {}

    /**
     * Back-propagates the generators' loss into both (gradients left pending, not applied); the
     * discriminators only give input gradients. Each generator runs on its fake path and, in one batch,
     * on its cycle and identity inputs (instance norm is per image, so batching changes nothing).
     */
    GeneratorStep generatorStep(INDArray a, INDArray b) {
        int n = (int) a.size(0);
        boolean idt = settings.lambdaIdentity() > 0;
        double wIdtA = settings.lambdaB() * settings.lambdaIdentity();
        double wIdtB = settings.lambdaA() * settings.lambdaIdentity();

        // G_BA's fake path on its twin: kept for the backward pass at the end, when the cycle's share is known
        INDArray fakeA = gBAFakePath.forward(b).dup();
        // G_AB on [G_BA(B), B]: cycle B and identity A; its input gradient is the cycle's share of dL/dG_BA(B)
        Paths pa = secondaryPaths(gAB, fakeA, b, settings.lambdaB(), wIdtA, idt, n);
        // G_BA on [G_AB(A), A]: cycle A and identity B
        INDArray fakeB = gAB.forward(a).dup();
        Paths pb = secondaryPaths(gBA, fakeB, a, settings.lambdaA(), wIdtB, idt, n);

        // G_AB's fake path: D_B's input gradient (D_B untouched) + the cycle's share through G_BA
        AdversarialSteps.GeneratorSignal ganA = AdversarialSteps.generatorSignal(dB, loss, fakeB);
        gAB.backward(ganA.inputGradient().addi(pb.toFake()));
        // G_BA's fake path: a pending pass of G_BA
        AdversarialSteps.GeneratorSignal ganB = AdversarialSteps.generatorSignal(dA, loss, fakeA);
        gBAFakePath.backward(ganB.inputGradient().addi(pa.toFake()));
        return new GeneratorStep(fakeA, fakeB, ganA.loss(), ganB.loss(), pb.cycle(), pa.cycle(), pa.idt(), pb.idt());
    }

    /** Loss terms of a generator's cycle and identity paths and dL/d(its fake input). */
    private record Paths(double cycle, double idt, INDArray toFake) {}

    /**
     * {@code g} on [fake, real] (real only with identity): L1(g(fake), real) x lambda and
     * L1(g(real), real) x wIdt; back-propagates both and returns the input gradient on the fake half.
     */
    private static Paths secondaryPaths(Generator g, INDArray fake, INDArray real, double lambda, double wIdt,
                                        boolean idt, int n) {
        INDArray out = g.forward(idt ? Nd4j.concat(0, fake, real) : fake);
        LossValue cycle = ReconstructionLoss.L1.compute(out.get(interval(0, n)), real);
        INDArray grad = cycle.gradient().muli(lambda);
        double idtValue = 0;
        if (idt) {
            LossValue identity = ReconstructionLoss.L1.compute(out.get(interval(n, 2L * n)), real);
            idtValue = identity.value();
            grad = Nd4j.concat(0, grad, identity.gradient().muli(wIdt));
        }
        INDArray toInput = g.backwardToInput(grad);
        return new Paths(cycle.value(), idtValue, toInput.get(interval(0, n)).dup());
    }

    /** 0.5 x (LSGAN(D(real), REAL) + LSGAN(D(fake), FAKE)), one update; returns the loss. */
    private double discriminatorStep(Discriminator d, INDArray real, INDArray fake) {
        return AdversarialSteps.discriminatorStep(d, loss, real, fake, 0.5, AdversarialSteps.Order.REAL_FIRST, null).total();
    }

    /** G_AB(A) (A to B); sizes must be multiples of 4. */
    @Override
    public INDArray translate(INDArray images) {
        return run(gAB, inputChannels(), images);
    }

    /** B to A with G_BA. */
    @Override
    public ImageTranslator reverse() {
        return TwoWay.reverse(this, images -> run(gBA, outputChannels(), images));
    }

    private INDArray run(Generator g, int channels, INDArray images) {
        Blocks.checkImages(NAME, images, channels, sizeMultiple());
        return g.output(images.castTo(((ComputationGraph) g.model()).params().dataType()));
    }

    /**
     * Rows A | G_AB(A) | G_BA(G_AB(A)) for the preview A images, then B | G_BA(B) | G_AB(G_BA(B)) for the B
     * images (deterministic: no dropout, instance norm has no running statistics).
     */
    @Override
    public Preview preview(long seed) {
        return TwoWay.preview(this, previewImages, imageSize());
    }

    @Override
    public Map<String, String> config() {
        return CycleGanSettings.TABLE.write(settings);
    }

    /** The preview images taken from training data and both image pools, so a resumed run continues exactly. */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        previewImages.write(out);
        fakeAPool.write(out);
        fakeBPool.write(out);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        previewImages.read(in);
        fakeAPool.read(in);
        fakeBPool.read(in);
    }

    ImagePool fakeAPool() {
        return fakeAPool;
    }

    ImagePool fakeBPool() {
        return fakeBPool;
    }

    /** Settings; unset ones follow the preset ({@link CycleGanSettings} documents each; shared setters inherited). */
    public static final class Builder extends TranslationBuilder<CycleGanSettings, Builder> {
        private Builder() {
            super(CycleGanSettings.TABLE);
        }

        /** Preset for sizes and widths (default {@link Preset#PAPER}). */
        public Builder preset(Preset p) {
            return set(CycleGanSettings.PRESET, p);
        }

        /** Residual blocks per generator (default 9 PAPER, 3 CPU). */
        public Builder blocks(int n) {
            return set(CycleGanSettings.BLOCKS, n);
        }

        /** Cycle weights lambda_A (A to B to A) and lambda_B (default 10 and 10). */
        public Builder lambdas(double a, double b) {
            return set(CycleGanSettings.LAMBDA_A, a).set(CycleGanSettings.LAMBDA_B, b);
        }

        /** Identity weight relative to the cycle weights (default 0.5; 0 switches the identity terms off). */
        public Builder lambdaIdentity(double w) {
            return set(CycleGanSettings.LAMBDA_IDENTITY, w);
        }

        /** Images in each discriminator's pool of fakes (default 50; 0: no pool). */
        public Builder poolSize(int n) {
            return set(CycleGanSettings.POOL_SIZE, n);
        }

        /** Builds the networks, initialised from {@code seed} (G_AB), +1 (G_BA), +2 (D_B), +3 (D_A). */
        public CycleGan build(long seed) {
            return create(settings(), seed, dataType);
        }
    }

    /** A CycleGAN with these settings, its networks initialised from {@code seed} (G_AB), +1 (G_BA), +2 (D_B), +3 (D_A). */
    public static CycleGan create(CycleGanSettings s, long seed) {
        return create(s, seed, DataType.FLOAT);
    }

    private static CycleGan create(CycleGanSettings s, long seed, DataType dataType) {
        Adam adam = TranslationSettings.adam(s);
        int in = s.inputChannels();
        int out = s.outputChannels();
        return new CycleGan(s, generator(s, in, out, seed, adam, dataType), generator(s, out, in, seed + 1, adam, dataType),
                patchGan(s, out, seed + 2, adam, dataType), patchGan(s, in, seed + 3, adam, dataType));
    }

    private static Generator generator(CycleGanSettings s, int in, int out, long seed, Adam adam, DataType dataType) {
        int size = s.imageSize();
        ComputationGraph g = new ComputationGraph(ResnetGenerator.config(s.blocks(), s.ngf(), in, out, size,
                s.resizeConv(), seed, adam, dataType));
        g.init();
        return Generator.of(g, in, size, size);
    }

    private static Discriminator patchGan(CycleGanSettings s, int channels, long seed, Adam adam, DataType dataType) {
        MultiLayerNetwork d = new MultiLayerNetwork(PatchGan.config(s.dLayers(), s.ndf(), channels, s.imageSize(),
                PatchGan.Norm.INSTANCE, seed, adam, dataType));
        d.init();
        return Discriminator.of(d);
    }
}
