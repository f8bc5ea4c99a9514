package org.gan4j.models.i2i;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;
import org.gan4j.core.train.WeightAveraging;

/** {@code discogan}: {@link DiscoGan}, registered in META-INF/services. */
public final class DiscoGanProvider implements VariantProvider {
    @Override
    public String name() {
        return DiscoGan.NAME;
    }

    @Override
    public int defaultBatchSize() {
        return DiscoGan.DEFAULT_BATCH_SIZE;
    }

    /** {@link DiscoGan#DEFAULT_AVERAGING}. */
    @Override
    public Optional<WeightAveraging> defaultAveraging() {
        return Optional.of(DiscoGan.DEFAULT_AVERAGING);
    }

    @Override
    public String description() {
        return "DiscoGAN (Kim et al. 2017): unpaired two-way translation, GAN + feature matching + reconstruction;"
                + " presets paper (64, 64 filters) and cpu (64, 32 filters)";
    }

    @Override
    public GanVariant create(Map<String, String> config, long seed) {
        return DiscoGan.fromConfig(config).build(seed);
    }

    @Override
    public List<Setting<?>> settings() {
        return DiscoGanSettings.TABLE.settings();
    }

    /** Before the naming rule: generator (A to B), generatorBA, discriminatorA, discriminatorB. */
    @Override
    public Map<String, String> legacyNetworkNames() {
        return Map.of("G_AB", "generator", "G_BA", "generatorBA", "D_A", "discriminatorA", "D_B", "discriminatorB");
    }
}
