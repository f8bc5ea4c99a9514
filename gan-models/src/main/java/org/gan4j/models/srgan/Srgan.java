package org.gan4j.models.srgan;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.core.data.Batch;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.PerceptualLoss;
import org.gan4j.core.loss.ReconstructionLoss;
import org.gan4j.core.loss.Target;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.StepContext;
import org.gan4j.models.Settings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SRGAN (Ledig et al. 2017): the {@link SrResNet} generator trained against a discriminator with
 * {@code content loss + 1e-3 x adversarial loss}, usually initialised from a trained SRResNet
 * ({@code gan train srgan --init-from CHECKPOINT}).
 *
 * <p>Discriminator (figure 4): 3x3 conv 64 + LeakyReLU(0.2); 7 x (3x3 conv, BN, LeakyReLU) with 64, 128,
 * 128, 256, 256, 512, 512 filters, stride 2 whenever the count doubles and on the 2nd layer; Dense 1024,
 * LeakyReLU, Dense 1 (logit, non-saturating BCE = the paper's -log D(G(x))). 96x96 HR input with the paper
 * preset. Adam lr 1e-4, beta1 0.9 for both networks (the paper drops to 1e-5 after 10^5 iterations: pass
 * {@code learningRate} when continuing).
 *
 * <h2>Content loss</h2>
 * {@link Content#MSE} (default, "SRGAN-MSE" in the paper): pixel MSE on [-1, 1] images, which works offline.
 * {@link Content#FEATURES} ("SRGAN-VGG54"): MSE between activations of a frozen feature network, any DL4J
 * {@link ComputationGraph} (VGG19 cannot be downloaded here: import it yourself, e.g. from Keras with
 * {@code KerasModelImport.importKerasModelAndWeights("vgg19.h5")}, save it with {@code ModelSerializer},
 * and pass {@code contentNetwork=/path/vgg19.zip contentLayer=block5_conv4 contentScaling=caffe}). The
 * features are multiplied by {@code contentFeatureScale} (paper 1/12.75) before the MSE.
 */
public final class Srgan extends SrVariant {
    /** The variant name used by the command line and checkpoints. */
    public static final String NAME = "srgan";

    /** Batch size to train with unless told otherwise (Ledig et al. 2017). */
    public static final int DEFAULT_BATCH_SIZE = 16;
    /** Loss names of a step. */
    public static final String LOSS_D = "loss_D";
    public static final String LOSS_G = "loss_G";
    public static final String LOSS_CONTENT = "loss_content";
    public static final String LOSS_ADVERSARIAL = "loss_adv";

    /** What the content term compares. */
    public enum Content {
        /** Pixel MSE (SRGAN-MSE). */
        MSE,
        /** MSE of a feature network's activations (SRGAN-VGG54 with a VGG19). */
        FEATURES
    }

    private static final String IN_MEMORY = "(in-memory)";

    private final Discriminator discriminator;
    private final AdversarialLoss adversarial = AdversarialLoss.nonSaturating();
    private final double adversarialWeight;
    private final PerceptualLoss features;
    private final Map<String, Network> networks;

    private Srgan(Builder b, Generator g, Discriminator d, PerceptualLoss features) {
        super(NAME, g, b.g.cropSize(), b.toConfig());
        this.discriminator = d;
        this.adversarialWeight = b.adversarialWeight;
        this.features = features;
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("generator", g);
        m.put("discriminator", d);
        this.networks = java.util.Collections.unmodifiableMap(m);
    }

    /** A builder with the paper preset and MSE content loss. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder from settings as {@link #config()} gives them (unknown keys are an error). */
    public static Builder fromConfig(Map<String, String> config) {
        Settings s = new Settings(NAME, config);
        Builder b = new Builder();
        b.g.read(s);
        b.discriminatorFilters = s.has("discriminatorFilters") ? s.integer("discriminatorFilters", 0) : null;
        b.discriminatorDense = s.has("discriminatorDense") ? s.integer("discriminatorDense", 0) : null;
        b.adversarialWeight = s.real("adversarialWeight", b.adversarialWeight);
        b.content = s.choice("content", Content.class, b.content);
        String net = s.string("contentNetwork", null);
        if (net != null && !net.isEmpty()) {
            if (net.equals(IN_MEMORY)) {
                throw new IllegalArgumentException("this SRGAN used an in-memory feature network: rebuild it with "
                        + "Srgan.builder().featureNetwork(...) or give contentNetwork=PATH");
            }
            b.contentNetworkPath = Path.of(net);
        }
        b.contentLayer = s.string("contentLayer", b.contentLayer);
        b.contentScaling = s.choice("contentScaling", PerceptualLoss.InputScaling.class, b.contentScaling);
        b.contentFeatureScale = s.real("contentFeatureScale", b.contentFeatureScale);
        s.rejectUnknown();
        return b;
    }

    public Discriminator discriminator() {
        return discriminator;
    }

    @Override
    public Map<String, Network> networks() {
        return networks;
    }

    @Override
    public Map<String, Double> trainStep(Batch batch, StepContext context) {
        accept(batch);
        INDArray hr = batch.b();
        INDArray sr = generator.forward(batch.a());

        // D step on HR and a detached SR batch
        LossValue onReal = adversarial.discriminator(discriminator.forward(hr), Target.REAL);
        discriminator.backward(onReal.gradient());
        LossValue onFake = adversarial.discriminator(discriminator.forward(sr), Target.FAKE);
        discriminator.backward(onFake.gradient());
        discriminator.applyGradients();

        // G step: content gradient + weight x D's input gradient, one backward pass
        LossValue content = features == null ? ReconstructionLoss.L2.compute(sr, hr) : features.compute(sr, hr);
        LossValue adv = adversarial.generator(discriminator.forward(sr));
        INDArray advGrad = discriminator.inputGradient(adv.gradient());
        generator.backward(content.gradient().add(advGrad.muli(adversarialWeight)));
        generator.applyGradients();

        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put(LOSS_D, onReal.value() + onFake.value());
        losses.put(LOSS_G, content.value() + adversarialWeight * adv.value());
        losses.put(LOSS_CONTENT, content.value());
        losses.put(LOSS_ADVERSARIAL, adv.value());
        return losses;
    }

    /** Settings; every one has a default from the preset or the paper. */
    public static final class Builder {
        final SrResNet.Builder g = new SrResNet.Builder();
        Integer discriminatorFilters;
        Integer discriminatorDense;
        double adversarialWeight = 1e-3;
        Content content = Content.MSE;
        Path contentNetworkPath;
        ComputationGraph contentNetwork;
        String contentLayer = "block5_conv4";
        PerceptualLoss.InputScaling contentScaling = PerceptualLoss.InputScaling.CAFFE;
        double contentFeatureScale = 1 / 12.75;

        private Builder() {}

        /** Size preset (default {@link Preset#PAPER}). */
        public Builder preset(Preset p) {
            g.preset(p);
            return this;
        }

        /** Generator residual blocks (paper 16). */
        public Builder blocks(int n) {
            g.blocks(n);
            return this;
        }

        /** Generator features (paper 64). */
        public Builder features(int n) {
            g.features(n);
            return this;
        }

        /** HR crop = discriminator input size (paper 96). */
        public Builder cropSize(int n) {
            g.cropSize(n);
            return this;
        }

        /** Kernel of the generator's last convolution (paper 9, cpu 3). */
        public Builder outputKernel(int k) {
            g.outputKernel(k);
            return this;
        }

        /** Residual over bicubic upsampling in the generator (paper false, cpu true). */
        public Builder bicubicSkip(boolean on) {
            g.bicubicSkip(on);
            return this;
        }

        /** Adam learning rate of both networks (paper 1e-4). */
        public Builder learningRate(double lr) {
            g.learningRate(lr);
            return this;
        }

        /** Discriminator filters of its first layer, doubled up to 8x (paper 64). */
        public Builder discriminatorFilters(int n) {
            this.discriminatorFilters = SrResNet.Builder.atLeast("discriminatorFilters", n, 1);
            return this;
        }

        /** Discriminator dense units (paper 1024). */
        public Builder discriminatorDense(int n) {
            this.discriminatorDense = SrResNet.Builder.atLeast("discriminatorDense", n, 1);
            return this;
        }

        /** Weight of the adversarial term in G's loss (paper 1e-3). */
        public Builder adversarialWeight(double w) {
            this.adversarialWeight = w;
            return this;
        }

        /** Content term (default {@link Content#MSE}). */
        public Builder content(Content c) {
            this.content = Objects.requireNonNull(c);
            return this;
        }

        /**
         * Feature network for {@link Content#FEATURES}, saved with {@code ModelSerializer} (a ComputationGraph).
         */
        public Builder featureNetwork(Path file, String layer, PerceptualLoss.InputScaling scaling) {
            this.contentNetworkPath = Objects.requireNonNull(file);
            this.contentNetwork = null;
            this.contentLayer = Objects.requireNonNull(layer);
            this.contentScaling = Objects.requireNonNull(scaling);
            this.content = Content.FEATURES;
            return this;
        }

        /** An in-memory feature network for {@link Content#FEATURES} (checkpoints then cannot recreate it alone). */
        public Builder featureNetwork(ComputationGraph network, String layer, PerceptualLoss.InputScaling scaling) {
            this.contentNetwork = Objects.requireNonNull(network);
            this.contentNetworkPath = null;
            this.contentLayer = Objects.requireNonNull(layer);
            this.contentScaling = Objects.requireNonNull(scaling);
            this.content = Content.FEATURES;
            return this;
        }

        /** Multiplier of the features before the MSE (paper 1/12.75 for VGG19). */
        public Builder contentFeatureScale(double s) {
            this.contentFeatureScale = s;
            return this;
        }

        int dFilters() {
            return discriminatorFilters != null ? discriminatorFilters : g.preset.discriminatorFilters;
        }

        int dDense() {
            return discriminatorDense != null ? discriminatorDense : g.preset.discriminatorDense;
        }

        Map<String, String> toConfig() {
            Map<String, String> m = g.toConfig();
            m.put("discriminatorFilters", Integer.toString(dFilters()));
            m.put("discriminatorDense", Integer.toString(dDense()));
            m.put("adversarialWeight", Double.toString(adversarialWeight));
            m.put("content", content.name().toLowerCase(Locale.ROOT));
            if (content == Content.FEATURES) {
                m.put("contentNetwork", contentNetworkPath != null ? contentNetworkPath.toString() : IN_MEMORY);
                m.put("contentLayer", contentLayer);
                m.put("contentScaling", contentScaling.name().toLowerCase(Locale.ROOT));
                m.put("contentFeatureScale", Double.toString(contentFeatureScale));
            }
            return m;
        }

        /** Builds both networks, initialised from {@code seed} (G) and {@code seed + 1} (D). */
        public Srgan build(long seed) {
            PerceptualLoss features = null;
            if (content == Content.FEATURES) {
                ComputationGraph net = contentNetwork;
                if (net == null) {
                    if (contentNetworkPath == null) {
                        throw new IllegalArgumentException("content=features needs contentNetwork=PATH (a DL4J "
                                + "ComputationGraph zip, e.g. an imported VGG19) and contentLayer=NAME");
                    }
                    try {
                        net = ModelSerializer.restoreComputationGraph(new File(contentNetworkPath.toString()), false);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the feature network " + contentNetworkPath, e);
                    }
                }
                features = PerceptualLoss.of(net, contentLayer, contentScaling, contentFeatureScale);
            }
            var d = SrNets.discriminator(seed + 1, g.cropSize(), dFilters(), dDense(), g.learningRate());
            return new Srgan(this, g.buildGenerator(seed), Discriminator.of(d), features);
        }
    }
}
