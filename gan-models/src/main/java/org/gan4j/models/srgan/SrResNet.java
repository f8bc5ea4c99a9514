package org.gan4j.models.srgan;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gan4j.core.data.Batch;
import org.gan4j.core.loss.LossValue;
import org.gan4j.core.loss.ReconstructionLoss;
import org.gan4j.core.nn.Generator;
import org.gan4j.core.nn.Network;
import org.gan4j.core.train.StepContext;
import org.gan4j.models.Settings;
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

    private SrResNet(Builder b, Generator g) {
        super(NAME, g, b.cropSize(), b.toConfig());
    }

    /** A builder with the paper preset. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder from settings as {@link #config()} gives them (unknown keys are an error). */
    public static Builder fromConfig(Map<String, String> config) {
        Settings s = new Settings(NAME, config);
        Builder b = new Builder();
        b.read(s);
        s.rejectUnknown();
        return b;
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

    /** Settings of the generator and its training; every one has a default from the preset. */
    public static class Builder {
        Preset preset = Preset.PAPER;
        Integer blocks;
        Integer features;
        Integer cropSize;
        Integer outputKernel;
        Boolean bicubicSkip;
        Double learningRate;

        Builder() {}

        /** Size preset (default {@link Preset#PAPER}); explicit settings override it. */
        public Builder preset(Preset p) {
            this.preset = java.util.Objects.requireNonNull(p);
            return this;
        }

        /** Residual blocks (paper 16, cpu 4). */
        public Builder blocks(int n) {
            this.blocks = atLeast("blocks", n, 0);
            return this;
        }

        /** Feature maps in the trunk (paper 64, cpu 32). */
        public Builder features(int n) {
            this.features = atLeast("features", n, 1);
            return this;
        }

        /** HR training crop, a multiple of 16 (paper 96, cpu 48). */
        public Builder cropSize(int n) {
            if (n < 16 || n % 16 != 0) {
                throw new IllegalArgumentException("cropSize must be a positive multiple of 16, got " + n);
            }
            this.cropSize = n;
            return this;
        }

        /** Kernel of the last convolution, odd (paper 9, cpu 3). */
        public Builder outputKernel(int k) {
            if (k < 1 || k % 2 == 0) {
                throw new IllegalArgumentException("outputKernel must be odd and positive, got " + k);
            }
            this.outputKernel = k;
            return this;
        }

        /**
         * Add a fixed bicubic upsampling of the input to the output, the last conv starting at zero (not in the
         * paper; paper false, cpu true).
         */
        public Builder bicubicSkip(boolean on) {
            this.bicubicSkip = on;
            return this;
        }

        /** Adam learning rate (paper 1e-4, cpu 5e-4). */
        public Builder learningRate(double lr) {
            if (!(lr > 0)) {
                throw new IllegalArgumentException("learningRate must be positive, got " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        int blocks() {
            return blocks != null ? blocks : preset.blocks;
        }

        int features() {
            return features != null ? features : preset.features;
        }

        int cropSize() {
            return cropSize != null ? cropSize : preset.cropSize;
        }

        int outputKernel() {
            return outputKernel != null ? outputKernel : preset.outputKernel;
        }

        boolean bicubicSkip() {
            return bicubicSkip != null ? bicubicSkip : preset.bicubicSkip;
        }

        double learningRate() {
            return learningRate != null ? learningRate : preset.learningRate;
        }

        void read(Settings s) {
            preset(s.choice("preset", Preset.class, preset));
            if (s.has("blocks")) {
                blocks(s.integer("blocks", 0));
            }
            if (s.has("features")) {
                features(s.integer("features", 0));
            }
            if (s.has("cropSize")) {
                cropSize(s.integer("cropSize", 0));
            }
            if (s.has("outputKernel")) {
                outputKernel(s.integer("outputKernel", 0));
            }
            if (s.has("bicubicSkip")) {
                String v = s.string("bicubicSkip", "false").trim();
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException(NAME + " setting bicubicSkip='" + v + "' is not true or false");
                }
                bicubicSkip(Boolean.parseBoolean(v));
            }
            if (s.has("learningRate")) {
                learningRate(s.real("learningRate", 0));
            }
        }

        Map<String, String> toConfig() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("preset", preset.name().toLowerCase(Locale.ROOT));
            m.put("blocks", Integer.toString(blocks()));
            m.put("features", Integer.toString(features()));
            m.put("cropSize", Integer.toString(cropSize()));
            m.put("outputKernel", Integer.toString(outputKernel()));
            m.put("bicubicSkip", Boolean.toString(bicubicSkip()));
            m.put("learningRate", Double.toString(learningRate()));
            return m;
        }

        Generator buildGenerator(long seed) {
            int lr = cropSize() / SrNets.SCALE;
            return Generator.of(SrNets.generator(seed, blocks(), features(), outputKernel(), bicubicSkip(), learningRate()), 3, lr, lr);
        }

        /** Builds the generator, initialised from {@code seed}. */
        public SrResNet build(long seed) {
            return new SrResNet(this, buildGenerator(seed));
        }

        static int atLeast(String name, int v, int min) {
            if (v < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
            }
            return v;
        }
    }
}
