package org.gan4j.models.srgan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gan4j.core.data.Batch;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.ReconstructionLoss;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.StepContext;
import org.gan4j.models.nets.SrNets;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SRResNet (Ledig et al. 2017): 4x super-resolution trained with pixel MSE only, the first stage of SRGAN.
 *
 * <p>Generator (figure 4 of the paper): 9x9 conv 64 + PReLU; 16 residual blocks (3x3 conv, BN, PReLU, 3x3
 * conv, BN, skip); 3x3 conv, BN, long skip; two sub-pixel upsampling blocks (3x3 conv 256, pixel shuffle
 * x2, PReLU); 9x9 conv to RGB. 1,549,462 trainable parameters with the paper preset (PyTorch's count; DL4J's
 * {@code numParams()} adds 4,224 batch-norm running statistics). Input LR RGB in [0, 1], output HR RGB in
 * [-1, 1], as in the paper; any input size at inference.
 *
 * <p>Training defaults ({@link Preset#PAPER}): Adam lr 1e-4, beta1 0.9; batch 16 of 96x96 HR crops, LR by
 * MATLAB-style bicubic x4 downsampling. The paper trains 10^6 iterations on 350 k ImageNet images.
 *
 * <p>{@link Preset#CPU} departs from the paper for speed on a CPU: see {@link Preset}.
 *
 * <p>Choices where the paper is silent or DL4J differs: PReLU with one shared slope per layer (PyTorch's
 * {@code nn.PReLU()} default, as common SRGAN code), initial slope 0.25; batch norm momentum 0.1 / eps 1e-5
 * (PyTorch); DL4J's Xavier initialisation; linear output (no tanh).
 */
public final class SrResNet extends SrVariant {
    /** The variant name used by the command line and checkpoints. */
    public static final String NAME = "srresnet";

    /** Batch size to train with unless told otherwise (Ledig et al. 2017). */
    public static final int DEFAULT_BATCH_SIZE = 16;
    /** Loss name: the pixel MSE on [-1, 1] images. */
    public static final String LOSS_MSE = "loss_mse";

    private final SrResNetSettings settings;

    private SrResNet(SrResNetSettings s, Generator g) {
        super(NAME, g, s.cropSize(), SrResNetSettings.TABLE.write(s));
        this.settings = s;
    }

    /** A builder with the paper preset. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder from settings as {@link #config()} gives them (unknown keys are an error). */
    public static Builder fromConfig(Map<String, String> config) {
        return new Builder().config(config);
    }

    /** An SRResNet with these settings, its generator initialised from {@code seed}. */
    public static SrResNet create(SrResNetSettings s, long seed) {
        return new SrResNet(s, SrGeneratorSettings.generator(s, seed));
    }

    /** The settings this variant was built with. */
    public SrResNetSettings settings() {
        return settings;
    }

    @Override
    public Map<String, Network> networks() {
        return Map.of("generator", generator);
    }

    @Override
    public Map<String, Double> trainStep(Batch batch, StepContext context) {
        accept(batch);
        INDArray sr = generator.forward(batch.a());
        LossValue mse = ReconstructionLoss.L2.compute(sr, batch.b());
        generator.backward(mse.gradient());
        generator.applyGradients();
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put(LOSS_MSE, mse.value());
        return losses;
    }

    /** Settings of the generator and its training ({@link SrResNetSettings} documents each with its default). */
    public static final class Builder extends SrGeneratorBuilder<SrResNetSettings, Builder> {
        private Builder() {
            super(SrResNetSettings.TABLE);
        }

        /** Builds the generator, initialised from {@code seed}. */
        public SrResNet build(long seed) {
            return create(settings(), seed);
        }
    }
}
