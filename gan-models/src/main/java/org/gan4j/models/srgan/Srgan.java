package org.gan4j.models.srgan;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.gan4j.core.data.Batch;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.PerceptualLoss;
import org.gan4j.core.loss.ReconstructionLoss;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.AdversarialSteps;
import org.gan4j.core.train.StepContext;
import org.gan4j.models.nets.SrNets;
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

    private final Discriminator discriminator;
    private final AdversarialLoss adversarial = AdversarialLoss.nonSaturating();
    private final double adversarialWeight;
    private final PerceptualLoss features;
    private final Map<String, Network> networks;

    private final SrganSettings settings;

    private Srgan(SrganSettings s, Map<String, String> config, Generator g, Discriminator d, PerceptualLoss features) {
        super(NAME, g, s.cropSize(), config);
        this.settings = s;
        this.discriminator = d;
        this.adversarialWeight = s.adversarialWeight();
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
        return new Builder().config(config);
    }

    /**
     * An SRGAN with these settings, its networks initialised from {@code seed} (G) and {@code seed + 1} (D);
     * {@link Content#FEATURES} reads the feature network from {@code contentNetwork}.
     */
    public static Srgan create(SrganSettings s, long seed) {
        return create(s, null, seed);
    }

    private static Srgan create(SrganSettings s, ComputationGraph inMemory, long seed) {
        PerceptualLoss features = null;
        Map<String, String> config = new LinkedHashMap<>(SrganSettings.TABLE.write(s));
        if (s.content() == Content.FEATURES) {
            ComputationGraph net = inMemory;
            if (net == null) {
                if (s.contentNetwork() == null) {
                    throw new IllegalArgumentException("content=features needs contentNetwork=PATH (a DL4J "
                            + "ComputationGraph zip, e.g. an imported VGG19) and contentLayer=NAME");
                }
                try {
                    net = ModelSerializer.restoreComputationGraph(new File(s.contentNetwork().toString()), false);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the feature network " + s.contentNetwork(), e);
                }
            } else {
                config.put(SrganSettings.CONTENT_NETWORK.name(), SrganSettings.IN_MEMORY); // cannot be recreated alone
            }
            features = PerceptualLoss.of(net, s.contentLayer(), s.contentScaling(), s.contentFeatureScale());
        }
        var d = SrNets.discriminator(seed + 1, s.cropSize(), s.discriminatorFilters(), s.discriminatorDense(),
                s.updater());
        return new Srgan(s, config, SrGeneratorSettings.generator(s, seed), Discriminator.of(d), features);
    }

    /** The settings this variant was built with. */
    public SrganSettings settings() {
        return settings;
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
        double lossD = AdversarialSteps.discriminatorStep(discriminator, adversarial, hr, sr).total();

        // G step: content gradient + weight x D's input gradient, one backward pass
        LossValue content = features == null ? ReconstructionLoss.L2.compute(sr, hr) : features.compute(sr, hr);
        AdversarialSteps.GeneratorSignal adv = AdversarialSteps.generatorSignal(discriminator, adversarial, sr);
        generator.backward(content.gradient().add(adv.inputGradient().muli(adversarialWeight)));
        generator.applyGradients();

        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put(LOSS_D, lossD);
        losses.put(LOSS_G, content.value() + adversarialWeight * adv.loss());
        losses.put(LOSS_CONTENT, content.value());
        losses.put(LOSS_ADVERSARIAL, adv.loss());
        return losses;
    }

    /** Settings; every one has a default from the preset or the paper ({@link SrganSettings} documents each). */
    public static final class Builder extends SrGeneratorBuilder<SrganSettings, Builder> {
        private ComputationGraph contentNetwork;

        private Builder() {
            super(SrganSettings.TABLE);
        }

        /** Discriminator filters of its first layer, doubled up to 8x (paper 64). */
        public Builder discriminatorFilters(int n) {
            return set(SrganSettings.DISCRIMINATOR_FILTERS, n);
        }

        /** Discriminator dense units (paper 1024). */
        public Builder discriminatorDense(int n) {
            return set(SrganSettings.DISCRIMINATOR_DENSE, n);
        }

        /** Weight of the adversarial term in G's loss (paper 1e-3). */
        public Builder adversarialWeight(double w) {
            return set(SrganSettings.ADVERSARIAL_WEIGHT, w);
        }

        /** Content term (default {@link Content#MSE}). */
        public Builder content(Content c) {
            return set(SrganSettings.CONTENT, Objects.requireNonNull(c));
        }

        /**
         * Feature network for {@link Content#FEATURES}, saved with {@code ModelSerializer} (a ComputationGraph).
         */
        public Builder featureNetwork(Path file, String layer, PerceptualLoss.InputScaling scaling) {
            this.contentNetwork = null;
            return features(Objects.requireNonNull(file), layer, scaling);
        }

        /** An in-memory feature network for {@link Content#FEATURES} (checkpoints then cannot recreate it alone). */
        public Builder featureNetwork(ComputationGraph network, String layer, PerceptualLoss.InputScaling scaling) {
            this.contentNetwork = Objects.requireNonNull(network);
            return features(null, layer, scaling);
        }

        private Builder features(Path file, String layer, PerceptualLoss.InputScaling scaling) {
            return set(SrganSettings.CONTENT_NETWORK, file).set(SrganSettings.CONTENT_LAYER, Objects.requireNonNull(layer))
                    .set(SrganSettings.CONTENT_SCALING, Objects.requireNonNull(scaling))
                    .set(SrganSettings.CONTENT, Content.FEATURES);
        }

        /** Multiplier of the features before the MSE (paper 1/12.75 for VGG19). */
        public Builder contentFeatureScale(double s) {
            return set(SrganSettings.CONTENT_FEATURE_SCALE, s);
        }

        /** Builds both networks, initialised from {@code seed} (G) and {@code seed + 1} (D). */
        public Srgan build(long seed) {
            return create(settings(), contentNetwork, seed);
        }
    }
}
