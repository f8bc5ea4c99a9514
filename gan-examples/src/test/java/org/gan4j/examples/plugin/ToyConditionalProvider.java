package org.gan4j.examples.plugin;

import java.util.List;
import java.util.Map;
import org.gan4j.core.settings.Setting;
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
    public List<Setting<?>> settings() {
        return ToySettings.TABLE.settings();
    }

    @Override
    public GanVariant create(Map<String, String> config, long seed) {
        return new ToyConditionalGan(ToySettings.TABLE.read(config).hidden(), seed);
    }
}
