package org.gan4j.models.unconditional;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.gan4j.core.data.Batch;
import org.gan4j.core.data.DataSpec;
import org.gan4j.core.loss.AdversarialLoss;
import org.gan4j.core.nn.Discriminator;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.nn.SamplingCopy;
import org.gan4j.core.train.AdversarialSteps;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.ImageSampler;
import org.gan4j.core.train.Preview;
import org.gan4j.core.train.StepContext;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A base for variants where G maps noise to images and D scores images (MLP GAN, DCGAN, or your own
 * stacks): networks named {@code generator} and {@code discriminator}, the standard step (one D step on
 * real data and a detached fake batch, then one G step through the updated D, see
 * {@link AdversarialSteps}), sampling through re-estimated batch norm ({@link SamplingCopy}) and a preview
 * of {@value #PREVIEW_IMAGES} images from noise seeded by {@link Preview#random}.
 *
 * <p>A subclass passes its networks and settings to the constructor and adds a {@code VariantProvider};
 * it writes no step code. Real batches come as {@link Batch#a()} in the image shape.
 */
public abstract class NoiseToImageGan implements GanVariant, ImageSampler {
    /** Number of images in a preview grid (8 x 8). */
    public static final int PREVIEW_IMAGES = 64;
    /** D's loss in the step's result. */
    public static final String LOSS_D = "loss_D";
    /** G's adversarial loss in the step's result (NaN on iterations without a G step). */
    public static final String LOSS_G = "loss_G";

    private final String name;
    private final Generator generator;
    private final Discriminator discriminator;
    private final AdversarialLoss loss;
    private final int generatorEvery;
    private final long[] imageShape;
    private final long[] dataShape;
    private final Map<String, String> config;
    private final SamplingCopy sampling;
    private final double criticClip;

    /**
     * @param name the variant's name ({@link GanVariant#name()})
     * @param generator noise of {@code generator.inputShape()} to examples of {@code dataShape}, ending in tanh
     * @param discriminator examples of {@code dataShape} to logits (or critic scores)
     * @param loss the adversarial loss
     * @param generatorEvery train G on every n-th iteration (1 = every iteration; WGAN's n_critic)
     * @param imageShape [C, H, W] of the images the data gives and {@link #generate} returns
     * @param dataShape per-example shape G produces and D reads ([C, H, W], or [C*H*W] for MLPs)
     * @param config the settings that recreate this variant ({@link GanVariant#config()})
     * @param criticClip if positive, D's parameters are clamped to [-criticClip, criticClip] after each D
     *     update (the original WGAN's constraint, 0.01 in Arjovsky et al. 2017); 0: no clipping
     */
    protected NoiseToImageGan(String name, Generator generator, Discriminator discriminator, AdversarialLoss loss,
                              int generatorEvery, long[] imageShape, long[] dataShape, Map<String, String> config,
                              double criticClip) {
        this.name = Objects.requireNonNull(name, "name");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.discriminator = Objects.requireNonNull(discriminator, "discriminator");
        this.loss = Objects.requireNonNull(loss, "loss");
        if (generatorEvery <= 0) {
            throw new IllegalArgumentException("generatorEvery must be positive, got " + generatorEvery);
        }
        this.generatorEvery = generatorEvery;
        this.imageShape = imageShape.clone();
        this.dataShape = dataShape.clone();
        this.config = Map.copyOf(config);
        this.sampling = SamplingCopy.gaussian(generator);
        if (criticClip < 0) {
            throw new IllegalArgumentException("criticClip must be >= 0, got " + criticClip);
        }
        this.criticClip = criticClip;
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

    /** The discriminator (critic). */
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

    /** The generator's sampling copy ({@link #samplingModel()}), exported as {@code generator}. */
    @Override
    public Map<String, Model> exportedModels() {
        return Map.of("generator", samplingModel());
    }

    /**
     * The standard step on {@code batch.a()} (real images of the image shape): D step (and clipping, if
     * any), then the G step through the updated D on iterations that are multiples of {@code generatorEvery}.
     */
    @Override
    public final Map<String, Double> trainStep(Batch batch, StepContext context) {
        INDArray real = batch.a();
        long[] expected = prepend(real.size(0), imageShape);
        if (!Arrays.equals(real.shape(), expected)) {
            throw new IllegalArgumentException(name + " expects images of shape " + Arrays.toString(expected)
                    + " but the data gives " + Arrays.toString(real.shape()));
        }
        real = real.reshape(prepend(real.size(0), dataShape));
        INDArray fake = generator.forward(context.gaussian(prepend(real.size(0), generator.inputShape())));

        // D step on real and fake; fake is a plain array here, so nothing flows back into G
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put(LOSS_D, AdversarialSteps.discriminatorStep(discriminator, loss, real, fake).total());
        if (criticClip > 0) {
            AdversarialSteps.clipParameters(discriminator, criticClip);
        }
        // G step through the updated D (D itself is not updated)
        losses.put(LOSS_G, context.iteration() % generatorEvery == 0
                ? AdversarialSteps.generatorStep(generator, discriminator, loss, fake) : Double.NaN);
        return losses;
    }

    @Override
    public final Preview preview(long seed) {
        return new Preview(generate(StepContext.gaussian(Preview.random(seed),
                prepend(PREVIEW_IMAGES, generator.inputShape()))), 8);
    }

    @Override
    public final long[] noiseShape() {
        return generator.inputShape();
    }

    /**
     * Images from noise in inference mode, through the {@link SamplingCopy} (batch-norm statistics
     * re-estimated for the current weights); the training generator is not modified.
     */
    @Override
    public final INDArray generate(INDArray noise) {
        INDArray out = sampling.output(noise);
        return out.reshape(prepend(out.size(0), imageShape));
    }

    @Override
    public final Model samplingModel() {
        return sampling.model();
    }

    @Override
    public final Map<String, String> config() {
        return config;
    }

    private static long[] prepend(long first, long[] rest) {
        long[] s = new long[rest.length + 1];
        s[0] = first;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return s;
    }
}
