package org.gan4j.core.layers;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The runtime layer of {@link PixelShuffle}: two reshapes around a permutation. */
final class PixelShuffleImpl extends NoParamLayerImpl<PixelShuffle> {

    PixelShuffleImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** [N, C*r*r, H, W] -> [N, C, H*r, W*r] (a new c-order array). */
    static INDArray shuffle(INDArray in, int r) {
        if (in.rank() != 4 || in.size(1) % ((long) r * r) != 0) {
            throw new IllegalArgumentException("PixelShuffle(" + r + ") needs NCHW input with channels divisible by "
                    + r * r + ", got " + Arrays.toString(in.shape()));
        }
        long n = in.size(0);
        long c = in.size(1) / ((long) r * r);
        long h = in.size(2);
        long w = in.size(3);
        return in.dup('c').reshape('c', n, c, r, r, h, w).permute(0, 1, 4, 2, 5, 3).dup('c')
                .reshape('c', n, c, h * r, w * r);
    }

    /** The inverse: [N, C, H*r, W*r] -> [N, C*r*r, H, W]. */
    static INDArray unshuffle(INDArray out, int r) {
        long n = out.size(0);
        long c = out.size(1);
        long h = out.size(2) / r;
        long w = out.size(3) / r;
        return out.dup('c').reshape('c', n, c, h, r, w, r).permute(0, 1, 3, 5, 2, 4).dup('c')
                .reshape('c', n, c * r * r, h, w);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray out = shuffle(input, layerConf().getFactor());
        return mgr.dup(ArrayType.ACTIVATIONS, out);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray eps = unshuffle(epsilon, layerConf().getFactor());
        return new Pair<>(new DefaultGradient(), mgr.dup(ArrayType.ACTIVATION_GRAD, eps));
    }
}
