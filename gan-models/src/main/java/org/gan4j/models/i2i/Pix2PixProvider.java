package org.gan4j.models.i2i;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;
import org.gan4j.core.train.WeightAveraging;

/** {@code pix2pix}: {@link Pix2Pix}, registered in META-INF/services. */
public final class Pix2PixProvider implements VariantProvider {
    @Override
    public String name() {
        return Pix2Pix.NAME;
    }

    @Override
    public int defaultBatchSize() {
        return Pix2Pix.DEFAULT_BATCH_SIZE;
    }

    /** {@link Pix2Pix#DEFAULT_AVERAGING}. */
    @Override
    public Optional<WeightAveraging> defaultAveraging() {
        return Optional.of(Pix2Pix.DEFAULT_AVERAGING);
    }

    @Override
    public String description() {
        return "pix2pix (Isola et al. 2017): paired image-to-image, U-Net + PatchGAN; presets paper (256) and cpu (64)";
    }

    @Override
    public GanVariant create(Map<String, String> config, long seed) {
        return Pix2Pix.fromConfig(config).build(seed);
    }

    @Override
    public List<Setting<?>> settings() {
        return Pix2PixSettings.TABLE.settings();
    }
}
