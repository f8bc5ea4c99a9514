package org.gan4j.models.i2i;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.api.Model;
import org.gan4j.core.train.Preview;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the two-way image-to-image variants (CycleGAN, DiscoGAN) share: the B-to-A translator, the cycle
 * preview and the exported generators {@code G_AB} and {@code G_BA}.
 */
final class TwoWay {
    private TwoWay() {}

    /** {@code forward}'s opposite direction, running {@code backward} (B to A); its reverse is {@code forward}. */
    static ImageTranslator reverse(ImageTranslator forward, UnaryOperator<INDArray> backward) {
        return new ImageTranslator() {
            @Override
            public INDArray translate(INDArray images) {
                return backward.apply(images);
            }

            @Override
            public int sizeMultiple() {
                return forward.sizeMultiple();
            }

            @Override
            public int inputChannels() {
                return forward.outputChannels();
            }

            @Override
            public int outputChannels() {
                return forward.inputChannels();
            }

            @Override
            public ImageTranslator reverse() {
                return forward;
            }
        };
    }

    /**
     * Rows A | G_AB(A) | G_BA(G_AB(A)) for the preview A images, then B | G_BA(B) | G_AB(G_BA(B)) for the B
     * images (grey domains shown as RGB beside RGB ones); one black image of {@code size} before any images.
     */
    static Preview preview(ImageTranslator forward, PreviewImages images, int size) {
        if (images.isEmpty()) {
            return new Preview(Nd4j.zeros(DataType.FLOAT, 1, forward.outputChannels(), size, size), 1);
        }
        boolean mixed = forward.inputChannels() != forward.outputChannels();
        INDArray a = images.a();
        INDArray b = images.b();
        INDArray fakeB = forward.translate(a);
        INDArray recA = forward.reverse().translate(fakeB);
        INDArray fakeA = forward.reverse().translate(b);
        INDArray recB = forward.translate(fakeA);
        INDArray rowsA = PreviewImages.rows(PreviewImages.rgb(a, mixed), PreviewImages.rgb(fakeB, mixed),
                PreviewImages.rgb(recA, mixed));
        INDArray rowsB = PreviewImages.rows(PreviewImages.rgb(b, mixed), PreviewImages.rgb(fakeA, mixed),
                PreviewImages.rgb(recB, mixed));
        return new Preview(Nd4j.concat(0, rowsA, rowsB), 3);
    }

    /** Both generators as plain DL4J models, by the naming rule. */
    static Map<String, Model> exportedModels(Model ab, Model ba) {
        Map<String, Model> m = new LinkedHashMap<>();
        m.put("G_AB", ab);
        m.put("G_BA", ba);
        return m;
    }
}
