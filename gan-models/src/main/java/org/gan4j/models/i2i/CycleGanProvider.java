package org.gan4j.models.i2i;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;
import org.gan4j.core.train.WeightAveraging;

/** {@code cyclegan}: {@link CycleGan}, registered in META-INF/services. */
public final class CycleGanProvider implements VariantProvider {
    @Override
    public String name() {
        return CycleGan.NAME;
    }

    @Override
    public int defaultBatchSize() {
        return CycleGan.DEFAULT_BATCH_SIZE;
    }

    /** {@link CycleGan#DEFAULT_AVERAGING}. */
    @Override
    public Optional<WeightAveraging> defaultAveraging() {
        return Optional.of(CycleGan.DEFAULT_AVERAGING);
    }

    @Override
    public String description() {
        return "CycleGAN (Zhu et al. 2017): unpaired image-to-image, two ResNet generators + PatchGANs; presets paper (256) and cpu (64)";
    }

    @Override
    public GanVariant create(Map<String, String> config, long seed) {
        return CycleGan.fromConfig(config).build(seed);
    }

    @Override
    public List<Setting<?>> settings() {
        return CycleGanSettings.TABLE.settings();
    }

    /** Before the naming rule, G_AB/G_BA were G_A/G_B and the discriminator judging A was D_B (and vice versa). */
    @Override
    public Map<String, String> legacyNetworkNames() {
        return Map.of("G_AB", "G_A", "G_BA", "G_B", "D_A", "D_B", "D_B", "D_A");
    }
}
