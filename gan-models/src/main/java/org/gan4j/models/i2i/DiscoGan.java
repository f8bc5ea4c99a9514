package org.gan4j.models.i2i;

import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.ReconstructionLoss;
import org.gan4j.core.loss.Target;
import org.gan4j.core.nn.FeatureDiscriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.nn.SamplingCopy;
import org.gan4j.core.train.AdversarialSteps;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.gan4j.core.train.WeightAveraging;
import org.gan4j.core.settings.SettingsBuilder;
import org.gan4j.models.nets.DiscoNets;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DiscoGAN (Kim et al. 2017, "Learning to Discover Cross-Domain Relations with Generative Adversarial
 * Networks"), following the authors' PyTorch code (SKTBrain/DiscoGAN, {@code discogan/image_translation.py}
 * and {@code model.py}, model_arch {@code discogan}).
 *
 * <h2>{@link Preset#PAPER} (default)</h2>
 * 64x64 RGB images in [0, 1] (the variant maps gan4j's [-1, 1] tensors to [0, 1] and back). Two generators,
 * G_AB and G_BA: conv 4x4 stride 2 padding 1 encoder 64-128-256-512 (LeakyReLU 0.2, batch norm except on the
 * first), transposed-conv decoder 256-128-64-3 (batch norm + ReLU, sigmoid last), no biases (5.51 M weights).
 * Two discriminators D_A and D_B: conv 64-128-256-512 (LeakyReLU 0.2, batch norm except the first), a 4x4
 * valid conv to one logit, sigmoid (in the loss); D also returns its LeakyReLU outputs after blocks 2, 3 and 4
 * as features (2.76 M weights). Initialisation: PyTorch's 2017 defaults, which the code keeps (weights
 * U(+-1/sqrt(in_channels x 16)), batch-norm scales U(0, 1), shifts 0); batch norm eps 1e-5, momentum 0.1.
 *
 * <p>Losses, per direction, as the code computes them on every iteration:
 * GAN: binary cross-entropy, D_B(G_AB(A)) against "real" for G; feature matching: for each feature layer the
 * mean over positions of (batch mean of real features - batch mean of fake features)^2 (the code's
 * HingeEmbeddingLoss with target 1 is the mean), summed over the three layers; reconstruction: MSE between
 * G_BA(G_AB(A)) and A. G's loss for direction A: (gan_B x 0.1 + fm_B x 0.9) x (1 - rate) + recon_A x rate,
 * likewise for B, summed; rate = {@code startingRate} 0.01 for the first {@code ganCurriculum} 10000 iterations,
 * then {@code defaultRate} 0.5 ({@link Preset#CPU}: 500 and 0.9, see there). D's loss per domain:
 * (BCE(real, real) + BCE(fake, fake)) x 0.5.
 * {@code updateInterval} 3: iterations with {@code iteration % 3 == 0} update both D's, the others both G's
 * (the code computes every loss every iteration and steps one optimizer). Adam lr 2e-4, betas (0.5, 0.999),
 * weight decay (L2 added to the gradient, PyTorch's Adam {@code weight_decay}) 1e-5. Batch 64 (the code's
 * default; its {@code script.sh} runs with 500). Every training forward pass uses batch statistics, each call
 * with its own (D sees real and fake in separate calls).
 *
 * <h2>Translation (test time)</h2>
 * The code never calls {@code eval()}: it translates its whole test set (200 images or more) in one training-mode
 * batch, so batch norm normalises with statistics of many images of the input domain. gan4j translates one image
 * at a time ({@code gan translate}, {@code gan evaluate paired}); an image's own statistics would remove exactly
 * what tells images apart (per-channel means of the 4x4 bottleneck) and pull every translation towards one
 * output. So by default ({@code testBatchStatistics=false}) G normalises with the statistics of the first
 * {@value #CALIBRATION_IMAGES} training images of the input domain, re-estimated for the current weights
 * ({@link SamplingCopy}); those images travel in the checkpoint (variant state) and the exported generators
 * carry the statistics as their running averages. {@code testBatchStatistics=true} uses each call's own batch
 * statistics (what gan4j did before; configurations written then say so and keep it).
 *
 * <h2>{@link Preset#CPU}</h2>
 * 64x64 with half the filters (32 in both networks' first layer), {@code ganCurriculum} 500 and
 * {@code defaultRate} 0.9; the rest as PAPER. Use batch 8. Deviation, measured (docs/results.md): after the
 * curriculum, the paper's reconstruction weight 0.5 lets a run of a few thousand iterations translate into the
 * other domain without keeping the source's class (edges to shoes 56 %, shoes to edges 30 % on Fashion-MNIST
 * footwear); 0.9 keeps it 78-80 % and 72-74 % (two seeds) in the same time.
 *
 * <h2>Generator weight averaging (on by default)</h2>
 * Training averages both generators' weights ({@link #DEFAULT_AVERAGING}); translations from a checkpoint use
 * the averages. Not in the paper; measured on the same task (docs/results.md): the class is kept more often in
 * both directions and edges-to-object translations are harder to tell from real objects.
 *
 * <h2>Settings</h2>
 * {@link DiscoGanSettings} (its {@code TABLE} gives each with its default and description). {@code inputChannels}
 * and {@code outputChannels} (3, the paper's RGB) set the channels of domains A and B; 1 reads grey data as grey,
 * so the networks spend nothing on colour the data do not have.
 *
 * <h2>Deviations forced by DL4J</h2>
 * D outputs logits and the sigmoid lives in the loss (same value and gradient, numerically safer). DL4J does
 * not weight-decay batch-norm scales and shifts (PyTorch's Adam decays them too, by 1e-5). Batch-norm running
 * averages are updated when a network's step is applied, not on every forward pass (they are used only
 * before any training image was seen; translations otherwise use re-estimated statistics). DL4J counts them as parameters (4 per normalised channel instead of 2).
 * Each generator runs twice per iteration (A -> B and B -> A -> B) but DL4J keeps one forward pass per network:
 * the first pass is recomputed before its backward pass (same result, more work).
 */
public final class DiscoGan implements GanVariant, ImageTranslator {
    /** The variant name used by the command line and checkpoints. */
    public static final String NAME = "discogan";

    /** Batch size to train with unless told otherwise (SKTBrain/DiscoGAN's image_translation.py). */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /**
     * Generator weight averaging to train with unless told otherwise: decay 0.999 from the first iteration. Not in
     * the paper; measured on the fashion-edges task (docs/results.md).
     */
    public static final WeightAveraging DEFAULT_AVERAGING = new WeightAveraging(0.999, 0);
    static final String LOSS_D_A = "loss_D_A";
    static final String LOSS_D_B = "loss_D_B";
    static final String LOSS_G = "loss_G";
    static final String LOSS_GAN_A = "loss_G_GAN_A";
    static final String LOSS_GAN_B = "loss_G_GAN_B";
    static final String LOSS_FM_A = "loss_FM_A";
    static final String LOSS_FM_B = "loss_FM_B";
    static final String LOSS_RECON_A = "loss_recon_A";
    static final String LOSS_RECON_B = "loss_recon_B";
    /** Examples in a preview taken from the training data when none was given. */
    static final int PREVIEW_PAIRS = 4;
    /**
     * Training images per domain kept to estimate the batch-norm statistics translations use (one reference
     * batch: the code translates its whole test set in one training-mode batch, i.e. with population-like
     * statistics).
     */
    static final int CALIBRATION_IMAGES = 64;

    /** Hyper-parameter presets. */
    public enum Preset {
        /** The authors' code: 64x64, 64 filters. */
        PAPER,
        /** 64x64, 32 filters, short GAN curriculum, reconstruction weight 0.9: learns in minutes on a CPU. */
        CPU
    }

    private final DiscoGanSettings settings;
    private final Generator gAB;
    private final Generator gBA;
    private final FeatureDiscriminator dA;
    private final FeatureDiscriminator dB;
    private final AdversarialLoss gan = AdversarialLoss.nonSaturating();
    private final PreviewImages previewImages = new PreviewImages(PREVIEW_PAIRS);
    /** The first {@link #CALIBRATION_IMAGES} training images of each domain (variant state). */
    private final PreviewImages calibrationImages = new PreviewImages(CALIBRATION_IMAGES);
    private final SamplingCopy translatorAB;
    private final SamplingCopy translatorBA;

    private DiscoGan(DiscoGanSettings b, Generator gAB, Generator gBA, FeatureDiscriminator dA, FeatureDiscriminator dB) {
        this.settings = b;
        this.gAB = gAB;
        this.gBA = gBA;
        this.dA = dA;
        this.dB = dB;
        this.translatorAB = new SamplingCopy(gAB, () -> List.of(unit(calibrationImages.a())));
        this.translatorBA = new SamplingCopy(gBA, () -> List.of(unit(calibrationImages.b())));
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
    public DiscoGanSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** G_AB (domain A to B); saved as {@code generator}. */
    public Generator generatorAB() {
        return gAB;
    }

    /** G_BA (domain B to A). */
    public Generator generatorBA() {
        return gBA;
    }

    /** D_A (judges domain A). */
    public FeatureDiscriminator discriminatorA() {
        return dA;
    }

    /** D_B (judges domain B). */
    public FeatureDiscriminator discriminatorB() {
        return dB;
    }

    /** Side of the square images. */
    public int imageSize() {
        return settings.imageSize();
    }

    /** The reconstruction weight at trainer iteration {@code iteration}: startingRate, then defaultRate. */
    public double rate(int iteration) {
        return iteration < settings.ganCurriculum() ? settings.startingRate() : settings.defaultRate();
    }

    /** Whether trainer iteration {@code iteration} updates the discriminators (else the generators). */
    public boolean discriminatorIteration(int iteration) {
        return iteration % settings.updateInterval() == 0;
    }

    /**
     * Both generators, as plain DL4J models: {@code G_AB} (A to B) and {@code G_BA} (B to A); with calibrated
     * translation (the default) copies whose batch-norm running statistics are those {@link #translate} uses, so
     * {@code output(x)} in inference mode translates as gan4j does.
     */
    @Override
    public Map<String, Model> exportedModels() {
        if (!calibrated()) {
            return TwoWay.exportedModels(gAB.model(), gBA.model());
        }
        return TwoWay.exportedModels(translatorAB.model(), translatorBA.model());
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

    /** A side-by-side folder read as two unpaired domains, edges (A) thickened as the reference does for edges2*. */
    @Override
    public DataSpec data() {
        return new DataSpec.PairsAsUnpaired(inputChannels(), outputChannels(), imageSize(), true);
    }

    /** {@link #previewPairs} of the examples' A and B. */
    @Override
    public void usePreviewExamples(Batch examples) {
        previewPairs(examples.a(), examples.b());
    }

    /** Uses these aligned pairs (e.g. validation images) for every preview; else the first training examples. */
    public DiscoGan previewPairs(INDArray a, INDArray b) {
        checkImages(a, "A");
        checkImages(b, "B");
        previewImages.set(a, b);
        return this;
    }

    private void checkImages(INDArray x, String side) {
        long s = imageSize();
        int c = side.equals("A") ? inputChannels() : outputChannels();
        if (x == null || x.rank() != 4 || x.size(1) != c || x.size(2) != s || x.size(3) != s) {
            throw new IllegalArgumentException("discogan expects " + side + " images [N, " + c + ", " + s + ", " + s
                    + "], got " + (x == null ? "none (it needs both domains in every batch)" : Arrays.toString(x.shape()))
                    + " (check the image size and channels of the data against the settings)");
        }
    }

    @Override
    public Map<String, Double> trainStep(Batch batch, StepContext context) {
        checkImages(batch.a(), "A");
        checkImages(batch.b(), "B");
        previewImages.takeIfEmpty(batch.a(), batch.b());
        calibrationImages.fill(batch.a(), batch.b());
        INDArray a = unit(batch.a());
        INDArray b = unit(batch.b());
        double rate = rate(context.iteration());
        return discriminatorIteration(context.iteration()) ? discriminatorStep(a, b, rate) : generatorStep(a, b, rate);
    }

    /** [-1, 1] to the reference's [0, 1], in the networks' data type. */
    private INDArray unit(INDArray x) {
        return x.castTo(gAB.params().dataType()).add(1).muli(0.5);
    }

    /** What D and the feature-matching term say about one domain's fakes. */
    private record Judged(double dReal, double dFake, LossValue gan, double fm, List<INDArray> fmGradients) {}

    /**
     * Forward passes of {@code d} on {@code real} then {@code fake} (D keeps the fake pass): D's two BCE terms,
     * G's BCE term and the feature-matching loss with its gradients w.r.t. the fake features.
     */
    private Judged judge(FeatureDiscriminator d, INDArray real, INDArray fake) {
        LossValue dReal = gan.discriminator(d.forward(real), Target.REAL);
        List<INDArray> realMeans = batchMeans(d.features());
        INDArray out = d.forward(fake);
        LossValue dFake = gan.discriminator(out, Target.FAKE);
        List<INDArray> grads = new ArrayList<>();
        double fm = featureMatching(realMeans, d.features(), grads);
        return new Judged(dReal.value(), dFake.value(), gan.generator(out), fm, grads);
    }

    /** The standard D step (0.5 x BCE on each batch, real first) that also reports what {@link #judge} does. */
    private Judged discriminatorUpdate(FeatureDiscriminator d, INDArray real, INDArray fake) {
        List<INDArray> realMeans = new ArrayList<>();
        List<INDArray> grads = new ArrayList<>();
        double[] fm = new double[1];
        LossValue[] onFake = new LossValue[1];
        AdversarialSteps.DiscriminatorLosses l = AdversarialSteps.discriminatorStep(d, gan, real, fake, 0.5,
                AdversarialSteps.Order.REAL_FIRST, (target, out) -> {
                    if (target == Target.REAL) {
                        realMeans.addAll(batchMeans(d.features()));
                    } else {
                        fm[0] = featureMatching(realMeans, d.features(), grads);
                        onFake[0] = gan.generator(out);
                    }
                });
        return new Judged(l.real(), l.fake(), onFake[0], fm[0], grads);
    }

    private static List<INDArray> batchMeans(List<INDArray> features) {
        List<INDArray> means = new ArrayList<>();
        for (INDArray f : features) {
            means.add(f.mean(0));
        }
        return means;
    }

    /**
     * sum over layers of mean((mean_n(real) - mean_n(fake))^2); appends d/d(fake) of each term to {@code grads}.
     *
     * @param realMeans the batch means of the real features
     */
    static double featureMatching(List<INDArray> realMeans, List<INDArray> fake, List<INDArray> grads) {
        double total = 0;
        for (int k = 0; k < fake.size(); k++) {
            INDArray f = fake.get(k);
            INDArray diff = f.mean(0).subi(realMeans.get(k)); // mean fake - mean real, [C, H, W]
            long perExample = diff.length();
            total += diff.mul(diff).sumNumber().doubleValue() / perExample;
            INDArray g = diff.muli(2.0 / (perExample * f.size(0)));
            grads.add(Nd4j.zeros(f.dataType(), f.size(0), perExample).addiRowVector(g.reshape(1, perExample))
                    .reshape(f.shape()));
        }
        return total;
    }

    private Map<String, Double> discriminatorStep(INDArray a, INDArray b, double rate) {
        INDArray ab = gAB.forward(a);
        INDArray ba = gBA.forward(b);
        Judged jA = discriminatorUpdate(dA, a, ba);
        Judged jB = discriminatorUpdate(dB, b, ab);
        // the reconstruction terms, for the log (the code computes every loss on every iteration)
        double reconA = settings.reconLoss().compute(gBA.forward(ab), a).value();
        double reconB = settings.reconLoss().compute(gAB.forward(ba), b).value();
        return losses(jA, jB, reconA, reconB, rate);
    }

    private Map<String, Double> generatorStep(INDArray a, INDArray b, double rate) {
        INDArray ab = gAB.forward(a);
        INDArray ba = gBA.forward(b);
        // reconstructions: G_BA(G_AB(A)) and G_AB(G_BA(B)); their backward passes also give d/d(AB) and d/d(BA)
        LossValue reconA = settings.reconLoss().compute(gBA.forward(ab), a);
        INDArray gABA = reconA.gradient().muli(rate);
        INDArray dAB = gBA.inputGradient(gABA);
        gBA.backward(gABA);
        LossValue reconB = settings.reconLoss().compute(gAB.forward(ba), b);
        INDArray gBAB = reconB.gradient().muli(rate);
        INDArray dBA = gAB.inputGradient(gBAB);
        gAB.backward(gBAB);
        // GAN + feature matching through the (untouched) discriminators
        double w = 1 - rate;
        Judged jB = judge(dB, b, ab);
        dAB.addi(dB.inputGradient(jB.gan().gradient().muli(0.1 * w), scaled(jB.fmGradients(), 0.9 * w)));
        Judged jA = judge(dA, a, ba);
        dBA.addi(dA.inputGradient(jA.gan().gradient().muli(0.1 * w), scaled(jA.fmGradients(), 0.9 * w)));
        // the first passes again (DL4J keeps one forward pass per network), then their backward passes
        gAB.forward(a);
        gAB.backward(dAB);
        gBA.forward(b);
        gBA.backward(dBA);
        gAB.applyGradients();
        gBA.applyGradients();
        return losses(jA, jB, reconA.value(), reconB.value(), rate);
    }

    private static List<INDArray> scaled(List<INDArray> grads, double factor) {
        grads.forEach(g -> g.muli(factor));
        return grads;
    }

    private static Map<String, Double> losses(Judged jA, Judged jB, double reconA, double reconB, double rate) {
        double w = 1 - rate;
        double g = (jB.gan().value() * 0.1 + jB.fm() * 0.9) * w + reconA * rate
                + (jA.gan().value() * 0.1 + jA.fm() * 0.9) * w + reconB * rate;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(LOSS_D_A, 0.5 * (jA.dReal() + jA.dFake()));
        m.put(LOSS_D_B, 0.5 * (jB.dReal() + jB.dFake()));
        m.put(LOSS_G, g);
        m.put(LOSS_GAN_A, jA.gan().value());
        m.put(LOSS_GAN_B, jB.gan().value());
        m.put(LOSS_FM_A, jA.fm());
        m.put(LOSS_FM_B, jB.fm());
        m.put(LOSS_RECON_A, reconA);
        m.put(LOSS_RECON_B, reconB);
        return m;
    }

    /**
     * G_AB on images in [-1, 1]; sides a multiple of 16. Batch norm uses the statistics of the
     * {@link #CALIBRATION_IMAGES} first training images of A re-estimated for the current weights, so an image
     * translates the same alone or in any batch ({@code testBatchStatistics=true}: each call's own batch
     * statistics; before any training image was seen: the running averages).
     */
    @Override
    public INDArray translate(INDArray images) {
        return run(gAB, translatorAB, inputChannels(), images);
    }

    /** Whether translations use statistics re-estimated over the calibration images (see {@link #translate}). */
    private boolean calibrated() {
        return !settings.testBatchStatistics() && !calibrationImages.isEmpty();
    }

    private INDArray run(Generator g, SamplingCopy calibratedCopy, int channels, INDArray images) {
        if (images.rank() != 4 || images.size(1) != channels || images.size(2) % sizeMultiple() != 0
                || images.size(3) % sizeMultiple() != 0 || images.size(2) < 16 || images.size(3) < 16) {
            throw new IllegalArgumentException("discogan translates NCHW images with " + channels
                    + " channel(s) and sides that are multiples of " + sizeMultiple() + ", got "
                    + Arrays.toString(images.shape()));
        }
        INDArray out = calibrated() ? calibratedCopy.output(unit(images))
                : ((MultiLayerNetwork) g.model()).output(unit(images), settings.testBatchStatistics());
        return out.muli(2).subi(1).castTo(DataType.FLOAT);
    }

    @Override
    public int sizeMultiple() {
        return 16;
    }

    @Override
    public int inputChannels() {
        return settings.inputChannels();
    }

    @Override
    public int outputChannels() {
        return settings.outputChannels();
    }

    /** G_BA as a translator. */
    @Override
    public ImageTranslator reverse() {
        return TwoWay.reverse(this, images -> run(gBA, translatorBA, outputChannels(), images));
    }

    /** Rows A | G_AB(A) | G_BA(G_AB(A)), then B | G_BA(B) | G_AB(G_BA(B)), for the preview pairs. */
    @Override
    public Preview preview(long seed) {
        return TwoWay.preview(this, previewImages, imageSize());
    }

    @Override
    public Map<String, String> config() {
        return DiscoGanSettings.TABLE.write(settings);
    }

    /**
     * Keeps preview images taken from the training data, so a resumed run shows the same ones, and the
     * calibration images of {@link #translate}.
     */
    @Override
    public void writeState(DataOutputStream out) throws IOException {
        previewImages.write(out);
        calibrationImages.write(out);
    }

    /** Reads what {@link #writeState} wrote; states written before calibration images existed have none. */
    @Override
    public void readState(DataInputStream in) throws IOException {
        previewImages.read(in);
        if (in.available() > 0) {
            calibrationImages.read(in);
        }
    }

    /** Settings; unset ones follow the preset ({@link DiscoGanSettings} documents each). */
    public static final class Builder extends SettingsBuilder<DiscoGanSettings, Builder> {
        private DataType dataType = DataType.FLOAT;

        private Builder() {
            super(DiscoGanSettings.TABLE);
        }

        /** Preset (default {@link Preset#PAPER}). */
        public Builder preset(Preset p) {
            return set(DiscoGanSettings.PRESET, p);
        }

        /** Image side, a multiple of 16 and at least 64 (default 64, every experiment of the paper). */
        public Builder imageSize(int size) {
            return set(DiscoGanSettings.IMAGE_SIZE, size);
        }

        /** Channels of domain A and domain B, each 1 or 3 (default 3 and 3). */
        public Builder channels(int a, int b) {
            return set(TranslationSettings.INPUT_CHANNELS, a).set(TranslationSettings.OUTPUT_CHANNELS, b);
        }

        /** Filters of the generators' first layer (default 64 PAPER, 32 CPU). */
        public Builder ngf(int n) {
            return set(DiscoGanSettings.NGF, n);
        }

        /** Filters of the discriminators' first layer (default 64 PAPER, 32 CPU). */
        public Builder ndf(int n) {
            return set(DiscoGanSettings.NDF, n);
        }

        /** Iterations with the starting rate (default 10000 PAPER, 500 CPU). */
        public Builder ganCurriculum(int iterations) {
            return set(DiscoGanSettings.GAN_CURRICULUM, iterations);
        }

        /** Reconstruction weight during the curriculum and after it (default 0.01 and 0.5 PAPER, 0.9 CPU). */
        public Builder rates(double starting, double after) {
            return set(DiscoGanSettings.STARTING_RATE, starting).set(DiscoGanSettings.DEFAULT_RATE, after);
        }

        /** D updates on iterations that are multiples of this, G on the others (default 3). */
        public Builder updateInterval(int n) {
            return set(DiscoGanSettings.UPDATE_INTERVAL, n);
        }

        /** Adam learning rate (default 2e-4). */
        public Builder learningRate(double lr) {
            return set(DiscoGanSettings.LEARNING_RATE, lr);
        }

        /** Adam beta1 and beta2 (default 0.5 and 0.999). */
        public Builder betas(double beta1, double beta2) {
            return set(DiscoGanSettings.BETA1, beta1).set(DiscoGanSettings.BETA2, beta2);
        }

        /** L2 weight decay through Adam (default 1e-5). */
        public Builder weightDecay(double wd) {
            return set(DiscoGanSettings.WEIGHT_DECAY, wd);
        }

        /** Reconstruction distance (default L2, the authors' MSE). */
        public Builder reconLoss(ReconstructionLoss loss) {
            return set(DiscoGanSettings.RECON_LOSS, loss);
        }

        /**
         * Translate with each call's own batch statistics (default false: statistics of the first
         * {@value DiscoGan#CALIBRATION_IMAGES} training images of the input domain re-estimated for the current weights).
         */
        public Builder testBatchStatistics(boolean on) {
            return set(DiscoGanSettings.TEST_BATCH_STATISTICS, on);
        }

        /** Network data type (default FLOAT; DOUBLE for exact tests). Not a setting: not part of the saved config. */
        public Builder dataType(DataType type) {
            this.dataType = type;
            return this;
        }

        /** Builds the networks: G_AB from {@code seed}, G_BA {@code seed + 1}, D_A {@code seed + 2}, D_B {@code seed + 3}. */
        public DiscoGan build(long seed) {
            return create(settings(), seed, dataType);
        }
    }

    /** A DiscoGAN with these settings: G_AB from {@code seed}, G_BA {@code seed + 1}, D_A {@code seed + 2}, D_B {@code seed + 3}. */
    public static DiscoGan create(DiscoGanSettings s, long seed) {
        return create(s, seed, DataType.FLOAT);
    }

    private static DiscoGan create(DiscoGanSettings s, long seed, DataType dataType) {
        Adam adam = new Adam(s.learningRate(), s.beta1(), s.beta2(), 1e-8);
        int size = s.imageSize();
        int ca = s.inputChannels();
        int cb = s.outputChannels();
        MultiLayerNetwork gab = DiscoNets.generator(ca, cb, s.ngf(), size, seed, adam, s.weightDecay(), dataType);
        MultiLayerNetwork gba = DiscoNets.generator(cb, ca, s.ngf(), size, seed + 1, adam, s.weightDecay(), dataType);
        MultiLayerNetwork da = DiscoNets.discriminator(ca, s.ndf(), size, seed + 2, adam, s.weightDecay(), dataType);
        MultiLayerNetwork db = DiscoNets.discriminator(cb, s.ndf(), size, seed + 3, adam, s.weightDecay(), dataType);
        return new DiscoGan(s, Generator.of(gab, ca, size, size), Generator.of(gba, cb, size, size),
                FeatureDiscriminator.of(da, DiscoNets.featureLayers()), FeatureDiscriminator.of(db, DiscoNets.featureLayers()));
    }
}
