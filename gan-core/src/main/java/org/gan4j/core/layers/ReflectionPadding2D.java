package org.gan4j.core.layers;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Reflection padding of NCHW input, as PyTorch's {@code ReflectionPad2d}: the border row or column is
 * not repeated ({@code [a b c d]} padded by 2 on the left is {@code [c b a b c d]}). Each pad must be
 * smaller than the input in its dimension.
 *
 * <p>DL4J's own {@code sd.nn.pad(REFLECT)} gives wrong gradients in M2.1; this layer copies
 * strided slices forward and folds them back in the backward pass.
 */
public class ReflectionPadding2D extends ParameterFreeConf {
    private int[] padding = {0, 0, 0, 0};

    /** For JSON deserialisation. */
    public ReflectionPadding2D() {}

    /** The same pad on all four sides (e.g. 3 before CycleGAN's 7x7 convolutions). */
    public ReflectionPadding2D(int pad) {
        this(pad, pad, pad, pad);
    }

    /** Pads {top, bottom, left, right}. */
    public ReflectionPadding2D(int top, int bottom, int left, int right) {
        setPadding(new int[] {top, bottom, left, right});
    }

    /** {top, bottom, left, right}. */
    public int[] getPadding() {
        return padding.clone();
    }

    public void setPadding(int[] padding) {
        if (padding == null || padding.length != 4 || Arrays.stream(padding).anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("padding must be 4 non-negative values {top, bottom, left, right}, got "
                    + Arrays.toString(padding));
        }
        this.padding = padding.clone();
    }

    @Override
    ParameterFreeLayer<?> create(NeuralNetConfiguration conf, DataType dataType) {
        return new ReflectionPadLayer(conf, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        requireCnn(inputType, "ReflectionPadding2D");
        var c = (InputType.InputTypeConvolutional) inputType;
        if (padding[0] >= c.getHeight() || padding[1] >= c.getHeight() || padding[2] >= c.getWidth()
                || padding[3] >= c.getWidth()) {
            throw new IllegalStateException("reflection padding " + Arrays.toString(padding)
                    + " must be smaller than the input (" + c.getHeight() + "x" + c.getWidth() + ")");
        }
        return InputType.convolutional(c.getHeight() + padding[0] + padding[1], c.getWidth() + padding[2] + padding[3],
                c.getChannels());
    }
}
