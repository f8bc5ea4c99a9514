package org.gan4j.core.layers;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;

/** The runtime layer of {@link ReflectionPadding2D}. */
final class ReflectionPadLayer extends ParameterFreeLayer<ReflectionPadding2D> {

    ReflectionPadLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private static INDArray row(INDArray a, long r) {
        return a.get(all(), all(), point(r), all());
    }

    private static INDArray col(INDArray a, long c) {
        return a.get(all(), all(), all(), point(c));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        if (input.rank() != 4) {
            throw new IllegalArgumentException("ReflectionPadding2D expects NCHW input, got shape "
                    + java.util.Arrays.toString(input.shape()) + " in layer " + layerId());
        }
        int[] p = layerConf().getPadding();
        long h = input.size(2);
        long w = input.size(3);
        if (p[0] >= h || p[1] >= h || p[2] >= w || p[3] >= w) {
            throw new IllegalArgumentException("reflection padding " + java.util.Arrays.toString(p)
                    + " needs an input larger than the pad, got " + h + "x" + w);
        }
        long top = p[0];
        long left = p[2];
        INDArray out = mgr.create(ArrayType.ACTIVATIONS, input.dataType(),
                new long[] {input.size(0), input.size(1), h + p[0] + p[1], w + p[2] + p[3]}, 'c');
        out.get(all(), all(), interval(top, top + h), interval(left, left + w)).assign(input);
        // rows (within the centre columns), then columns over the full height, which fills the corners
        INDArrayIndex centreCols = interval(left, left + w);
        for (int i = 0; i < p[0]; i++) {
            out.get(all(), all(), point(top - 1 - i), centreCols).assign(out.get(all(), all(), point(top + 1 + i), centreCols));
        }
        for (int i = 0; i < p[1]; i++) {
            out.get(all(), all(), point(top + h + i), centreCols)
                    .assign(out.get(all(), all(), point(top + h - 2 - i), centreCols));
        }
        for (int j = 0; j < p[2]; j++) {
            col(out, left - 1 - j).assign(col(out, left + 1 + j));
        }
        for (int j = 0; j < p[3]; j++) {
            col(out, left + w + j).assign(col(out, left + w - 2 - j));
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        int[] p = layerConf().getPadding();
        long h = input.size(2);
        long w = input.size(3);
        long top = p[0];
        long left = p[2];
        INDArray g = epsilon.dup('c');
        // undo the forward copies in reverse order: columns first, then rows
        for (int j = 0; j < p[2]; j++) {
            col(g, left + 1 + j).addi(col(g, left - 1 - j));
        }
        for (int j = 0; j < p[3]; j++) {
            col(g, left + w - 2 - j).addi(col(g, left + w + j));
        }
        for (int i = 0; i < p[0]; i++) {
            row(g, top + 1 + i).addi(row(g, top - 1 - i));
        }
        for (int i = 0; i < p[1]; i++) {
            row(g, top + h - 2 - i).addi(row(g, top + h + i));
        }
        INDArray dx = mgr.dup(ArrayType.ACTIVATION_GRAD,
                g.get(all(), all(), interval(top, top + h), interval(left, left + w)), 'c');
        return new Pair<>(new DefaultGradient(), dx);
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }
}
