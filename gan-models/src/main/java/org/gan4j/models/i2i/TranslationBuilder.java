package org.gan4j.models.i2i;

import java.util.Map;
import org.gan4j.models.Settings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The settings pix2pix and CycleGAN share (sizes, widths, PatchGAN depth, Adam and the linear policy,
 * channels, data type), with the defaults of their two presets: PAPER 256x256 (load 286), ngf/ndf 64,
 * 3-layer PatchGAN; CPU 64x64 (load 72), ngf/ndf 32, 2-layer PatchGAN. Unset sizes follow the preset.
 *
 * @param <B> the concrete builder, returned by the setters
 */
abstract class TranslationBuilder<B extends TranslationBuilder<B>> {
    Integer imageSize;
    Integer loadSize;
    Integer ngf;
    Integer ndf;
    Integer dLayers;
    boolean resizeConv;
    double learningRate = 2e-4;
    double beta1 = 0.5;
    int constantEpochs = 100;
    int decayEpochs = 100;
    int inputChannels = 3;
    int outputChannels = 3;
    DataType dataType = DataType.FLOAT;

    /** Whether the preset is PAPER (else CPU). */
    abstract boolean paperPreset();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Training crop size (default 256 PAPER, 64 CPU). */
    public B imageSize(int size) {
        this.imageSize = size;
        return self();
    }

    /** Resize before cropping (default imageSize * 286 / 256: 286 PAPER, 72 CPU). */
    public B loadSize(int size) {
        this.loadSize = size;
        return self();
    }

    /** Generator filters in the first layer (default 64 PAPER, 32 CPU). */
    public B ngf(int n) {
        this.ngf = n;
        return self();
    }

    /** Discriminator filters in the first layer (default 64 PAPER, 32 CPU). */
    public B ndf(int n) {
        this.ndf = n;
        return self();
    }

    /** PatchGAN layers (default 3 = 70x70 PAPER, 2 = 34x34 CPU). */
    public B discriminatorLayers(int n) {
        this.dLayers = n;
        return self();
    }

    /** ResNet generators: up-sample + conv instead of transposed convolutions (default false). */
    public B resizeConv(boolean on) {
        this.resizeConv = on;
        return self();
    }

    /** Adam learning rate of every network (default 2e-4). */
    public B learningRate(double lr) {
        this.learningRate = lr;
        return self();
    }

    /** Adam beta1 (default 0.5). */
    public B beta1(double b1) {
        this.beta1 = b1;
        return self();
    }

    /**
     * Learning-rate policy: constant for {@code constant} epochs, then linear decay towards 0 over
     * {@code decay} epochs (default 100 and 100, the reference code's {@code n_epochs} and
     * {@code n_epochs_decay}; decay 0 keeps the rate constant).
     */
    public B epochs(int constant, int decay) {
        this.constantEpochs = constant;
        this.decayEpochs = decay;
        return self();
    }

    /** Channels of A and B (default 3 and 3). */
    public B channels(int a, int b) {
        this.inputChannels = a;
        this.outputChannels = b;
        return self();
    }

    /** Network data type (default FLOAT; DOUBLE for exact tests). Not part of the saved config. */
    public B dataType(DataType type) {
        this.dataType = type;
        return self();
    }

    int imageSize() {
        return imageSize != null ? imageSize : (paperPreset() ? 256 : 64);
    }

    int loadSize() {
        return loadSize != null ? loadSize : (int) Math.round(imageSize() * 286.0 / 256.0);
    }

    int ngf() {
        return ngf != null ? ngf : (paperPreset() ? 64 : 32);
    }

    int ndf() {
        return ndf != null ? ndf : (paperPreset() ? 64 : 32);
    }

    int dLayers() {
        return dLayers != null ? dLayers : (paperPreset() ? 3 : 2);
    }

    /** Reads the shared keys (the caller reads its own, then calls {@code rejectUnknown}). */
    void read(Settings s) {
        imageSize = s.has("imageSize") ? s.integer("imageSize", 0) : null;
        loadSize = s.has("loadSize") ? s.integer("loadSize", 0) : null;
        ngf = s.has("ngf") ? s.integer("ngf", 0) : null;
        ndf = s.has("ndf") ? s.integer("ndf", 0) : null;
        dLayers = s.has("dLayers") ? s.integer("dLayers", 0) : null;
        resizeConv = Boolean.parseBoolean(s.string("resizeConv", Boolean.toString(resizeConv)));
        learningRate = s.real("learningRate", learningRate);
        beta1 = s.real("beta1", beta1);
        constantEpochs = s.integer("constantEpochs", constantEpochs);
        decayEpochs = s.integer("decayEpochs", decayEpochs);
        inputChannels = s.integer("inputChannels", inputChannels);
        outputChannels = s.integer("outputChannels", outputChannels);
    }

    /** Checks the shared settings. */
    void check() {
        Blocks.positive("imageSize", imageSize());
        Blocks.positive("ngf", ngf());
        Blocks.positive("ndf", ndf());
        Blocks.positive("dLayers", dLayers());
        Blocks.channels("inputChannels", inputChannels);
        Blocks.channels("outputChannels", outputChannels);
        adam(); // checks the epochs
        if (loadSize() < imageSize()) {
            throw new IllegalArgumentException("loadSize " + loadSize() + " is smaller than imageSize " + imageSize());
        }
        if (PatchGan.outputSize(dLayers(), imageSize()) < 1) {
            throw new IllegalArgumentException("a PatchGAN with " + dLayers() + " layers needs images larger than "
                    + imageSize());
        }
    }

    /** Adam with the linear policy, for every network. */
    Adam adam() {
        return Blocks.adam(learningRate, beta1, constantEpochs, decayEpochs);
    }

    /** The shared keys except {@code resizeConv} (which only some generators have), in a stable order. */
    void write(Map<String, String> m) {
        m.put("imageSize", Integer.toString(imageSize()));
        m.put("loadSize", Integer.toString(loadSize()));
        m.put("ngf", Integer.toString(ngf()));
        m.put("ndf", Integer.toString(ndf()));
        m.put("dLayers", Integer.toString(dLayers()));
        m.put("learningRate", Double.toString(learningRate));
        m.put("beta1", Double.toString(beta1));
        m.put("constantEpochs", Integer.toString(constantEpochs));
        m.put("decayEpochs", Integer.toString(decayEpochs));
        m.put("inputChannels", Integer.toString(inputChannels));
        m.put("outputChannels", Integer.toString(outputChannels));
    }
}
