package org.gan4j.core.nn;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Configures the ND4J/DL4J backend for gan4j networks, the same way whoever builds them and in
 * whatever order: on a oneDNN CPU build, DL4J's oneDNN layer helpers (convolution, batch norm,
 * pooling) are switched on (DL4J 1.0.0-M2.1 leaves them off, see the implementation notes below).
 *
 * <p>Users normally call nothing: {@link Generator#of}, {@link Discriminator#of},
 * {@link FeatureDiscriminator#of}, the {@link org.gan4j.core.train.Trainer}, checkpoints and
 * {@link org.gan4j.core.train.VariantProvider#find} call {@link #configure()}, and the wrappers also
 * call {@link #configure(Model)} on the network they wrap. That second part is what makes results
 * independent of the order of construction: DL4J gives a layer its helper when the layer object is
 * created, so a network initialised before the first configuration would otherwise run without
 * helpers (slightly different rounding, several times slower), and two identical runs in one JVM
 * would differ. Call {@link #configure(Model)} yourself only for a plain DL4J network that gan4j
 * does not wrap but that must compute exactly like a wrapped one (e.g. an exported generator).
 *
 * <p>A user who sets the system property {@code org.eclipse.deeplearning4j.helpers.disable}
 * explicitly (either value) is left alone; then the helpers are whatever DL4J makes of it.
 */
public final class Backend {

    private Backend() {}

    /**
     * Configures the backend once per JVM; idempotent and cheap after the first call.
     *
     * @return whether gan4j switched the oneDNN layer helpers on (false: not a oneDNN CPU build, or
     *     the user set the property)
     */
    public static boolean configure() {
        return OneDnnHelpers.enable();
    }

    /**
     * {@link #configure()}, then gives every layer of {@code model} that was created before the
     * configuration the helper it would have had if created after it (layers that have one are
     * left as they are). Idempotent.
     *
     * @return {@code model}
     */
    public static <M extends Model> M configure(M model) {
        Objects.requireNonNull(model, "model");
        if (!configure()) {
            return model;
        }
        Layer[] layers = model instanceof MultiLayerNetwork m ? m.getLayers()
                : model instanceof ComputationGraph g ? g.getLayers() : null;
        if (layers != null) {
            for (Layer layer : layers) {
                refreshHelper(layer);
            }
        }
        return model;
    }

    /** Whether the oneDNN layer helpers are on for networks gan4j configures. */
    public static boolean oneDnnHelpers() {
        return OneDnnHelpers.enabled();
    }

    /**
     * Runs the layer's own helper initialisation again if it has no helper. DL4J M2.1 layers with
     * helpers (convolution, batch norm, subsampling, LRN) create them in a package-private
     * {@code initializeHelper()} called from their constructor, which reads the configuration at that
     * moment; layers without helpers (dense, deconvolution, ...) have no such method or a no-op one.
     */
    static void refreshHelper(Layer layer) {
        if (layer == null || layer.getHelper() != null) {
            return;
        }
        Method init = initializeHelper(layer.getClass());
        if (init == null) {
            return;
        }
        try {
            init.invoke(layer);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("DL4J could not create the layer helper of " + layer.getClass().getName(),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot re-create the layer helper of " + layer.getClass().getName()
                    + " (DL4J version other than 1.0.0-M2.1?)", e);
        }
    }

    private static Method initializeHelper(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod("initializeHelper");
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
