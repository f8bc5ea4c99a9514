package org.gan4j.models.srgan;

/**
 * Size presets of {@link SrResNet} and {@link Srgan}. Every value can still be overridden one by one.
 *
 * <table>
 *   <caption>preset values</caption>
 *   <tr><th></th><th>PAPER (Ledig et al. 2017)</th><th>CPU</th></tr>
 *   <tr><td>residual blocks</td><td>16</td><td>4</td></tr>
 *   <tr><td>generator features</td><td>64</td><td>32</td></tr>
 *   <tr><td>HR crop (LR = crop / 4)</td><td>96</td><td>48</td></tr>
 *   <tr><td>discriminator base filters (64 .. 8x)</td><td>64</td><td>32</td></tr>
 *   <tr><td>discriminator dense units</td><td>1024</td><td>256</td></tr>
 *   <tr><td>last conv kernel (HR resolution)</td><td>9x9</td><td>3x3</td></tr>
 *   <tr><td>global bicubic skip (not in the paper)</td><td>no</td><td>yes</td></tr>
 *   <tr><td>Adam learning rate</td><td>1e-4</td><td>5e-4</td></tr>
 * </table>
 *
 * <p>CPU is sized to show a gain over bicubic interpolation after minutes of training on two cores
 * (see docs/models/srgan.md for measured numbers); PAPER is the published model (G about 1.55 M parameters).
 * CPU's 3x3 last convolution is a concession to DL4J: its im2col convolution made the 9x9 one at HR
 * resolution cost about 10 s of a batch of 16 48x48 crops on two busy cores (3x3: under 1 s). CPU's bicubic
 * skip (G learns a residual over bicubic upsampling, starting exactly at bicubic, as VDSR-style networks do)
 * is what lets a few hundred iterations improve on bicubic: without it, 61 iterations gave 20.6 dB against
 * bicubic's 32.9 on the held-out photos.
 */
public enum Preset {
    /** The published model and training settings. */
    PAPER(16, 64, 96, 64, 1024, 9, false, 1e-4),
    /** Small and fast: 4 blocks of 32 features, 48x48 HR crops, higher learning rate. */
    CPU(4, 32, 48, 32, 256, 3, true, 5e-4);

    final int blocks;
    final int features;
    final int cropSize;
    final int discriminatorFilters;
    final int discriminatorDense;
    final int outputKernel;
    final boolean bicubicSkip;
    final double learningRate;

    Preset(int blocks, int features, int cropSize, int discriminatorFilters, int discriminatorDense, int outputKernel,
            boolean bicubicSkip, double learningRate) {
        this.bicubicSkip = bicubicSkip;
        this.outputKernel = outputKernel;
        this.blocks = blocks;
        this.features = features;
        this.cropSize = cropSize;
        this.discriminatorFilters = discriminatorFilters;
        this.discriminatorDense = discriminatorDense;
        this.learningRate = learningRate;
    }

    /** HR crop size of this preset (training patches). */
    public int cropSize() {
        return cropSize;
    }
}
