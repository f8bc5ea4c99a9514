package org.gan4j.examples.plugin;

import java.util.HashMap;
import java.util.Map;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;

/** Registers {@link ToyConditionalGan} as {@code toycgan}, as a plug-in jar's provider would. */
public final class ToyConditionalProvider implements VariantProvider {
    @Override
    public String name() {
        return ToyConditionalGan.NAME;
    }

    @Override
    public String description() {
        return "a tiny conditional MLP GAN (test plug-in)";
    }

    @Override
    public int defaultBatchSize() {
        return 10;
    }

    @Override
    public GanVariant create(Map<String, String> config, long seed) {
        Map<String, String> left = new HashMap<>(config);
        int hidden = Integer.parseInt(left.getOrDefault("hidden", "16"));
        left.remove("hidden");
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("unknown " + ToyConditionalGan.NAME + " settings " + left.keySet()
                    + "; known: [hidden]");
        }
        return new ToyConditionalGan(hidden, seed);
    }
}
