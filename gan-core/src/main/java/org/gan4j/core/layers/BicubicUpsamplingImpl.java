package org.gan4j.core.layers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.gan4j.core.image.Bicubic;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The runtime layer of {@link BicubicUpsampling}. */
final class BicubicUpsamplingImpl extends NoParamLayerImpl<BicubicUpsampling> {
    private final Map<String, INDArray> matrices = new ConcurrentHashMap<>();

    BicubicUpsamplingImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The [in * factor, in] resize matrix. */
    private INDArray matrix(int in, DataType type) {
        int out = in * layerConf().getFactor();
        return matrices.computeIfAbsent(in + "/" + type, k -> {
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                return Nd4j.create(Bicubic.matrix(in, out)).castTo(type);
            }
        });
    }

    /** Applies {@code mh} along H and {@code mw} along W of [N, C, H, W]. */
    static INDArray apply(INDArray x, INDArray mh, INDArray mw) {
        long n = x.size(0);
        long c = x.size(1);
        long h = x.size(2);
        long w = x.size(3);
        long oh = mh.size(0);
        long ow = mw.size(0);
        INDArray rows = x.dup('c').reshape('c', n * c * h, w).mmul(mw.transpose()); // [n c h, ow]
        INDArray byH = rows.reshape('c', n * c, h, ow).permute(1, 0, 2).dup('c').reshape('c', h, n * c * ow);
        INDArray out = mh.mmul(byH); // [oh, n c ow]
        return out.reshape('c', oh, n * c, ow).permute(1, 0, 2).dup('c').reshape('c', n, c, oh, ow);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        BicubicUpsampling conf = layerConf();
        INDArray mh = matrix((int) input.size(2), input.dataType());
        INDArray mw = matrix((int) input.size(3), input.dataType());
        INDArray y = apply(input, mh, mw).muli(conf.getScale()).addi(conf.getOffset());
        return mgr.dup(ArrayType.ACTIVATIONS, y);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray mh = matrix((int) input.size(2), epsilon.dataType());
        INDArray mw = matrix((int) input.size(3), epsilon.dataType());
        INDArray dx = apply(epsilon, mh.transpose(), mw.transpose()).muli(layerConf().getScale());
        return new Pair<>(new DefaultGradient(), mgr.dup(ArrayType.ACTIVATION_GRAD, dx));
    }
}
