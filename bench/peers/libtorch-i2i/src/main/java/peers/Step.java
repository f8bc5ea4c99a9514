package peers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/** One training iteration of a translation network on a fixed random batch (data does not change the cost). */
abstract class Step {
    /** The loss terms of the last iteration, as gan4j names them. */
    final Map<String, Float> losses = new LinkedHashMap<>();

    /** Runs one full iteration (all networks updated once). */
    abstract void run(int iteration);

    /** Networks by gan4j's names, for the parameter counts. */
    abstract Map<String, Nets.Net> networks();

    /** The loss term that must fall over a few iterations on a fixed batch (the reconstruction term). */
    abstract String fallingLoss();

    /** Shapes of the networks' inputs and outputs, for the header. */
    abstract String shapes();

    /** Adam as gan4j's translation networks: lr 2e-4, beta1 0.5, beta2 0.999, eps 1e-8 (the constant phase). */
    static Adam adam(TensorVector params) {
        AdamOptions o = new AdamOptions(2e-4);
        o.betas().put(0, 0.5).put(1, 0.999);
        o.eps().put(1e-8);
        return new Adam(params, o);
    }

    static TensorVector join(TensorVector a, TensorVector b) {
        TensorVector v = new TensorVector();
        for (long i = 0; i < a.size(); i++) {
            v.push_back(a.get(i));
        }
        for (long i = 0; i < b.size(); i++) {
            v.push_back(b.get(i));
        }
        return v;
    }

    /** A random image batch in [-1, 1], as gan4j's synthetic bench batch. */
    static Tensor image(long batch, long channels, long size) {
        return torch.rand(batch, channels, size, size).mul(new Scalar(2.0)).sub(new Scalar(1.0));
    }

    static Tensor scale(Tensor t, double factor) {
        return t.mul(new Scalar(factor));
    }

    void note(String name, Tensor loss) {
        losses.put(name, loss.item().toFloat());
    }
}
