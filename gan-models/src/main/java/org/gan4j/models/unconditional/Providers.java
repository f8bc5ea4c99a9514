package org.gan4j.models.unconditional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;
import org.gan4j.core.train.WeightAveraging;

/** {@link VariantProvider}s of this module, registered in META-INF/services. */
public final class Providers {
    private Providers() {}

    /** {@code gan}: {@link Gan}. */
    public static final class GanProvider implements VariantProvider {
        @Override
        public String name() {
            return Gan.NAME;
        }

        @Override
        public int defaultBatchSize() {
            return Gan.DEFAULT_BATCH_SIZE;
        }

        /** {@link Gan#DEFAULT_AVERAGING}. */
        @Override
        public Optional<WeightAveraging> defaultAveraging() {
            return Optional.of(Gan.DEFAULT_AVERAGING);
        }

        @Override
        public String description() {
            return "MLP GAN (Goodfellow et al. 2014), 28x28 MNIST";
        }

        @Override
        public GanVariant create(Map<String, String> config, long seed) {
            return Gan.fromConfig(config).build(seed);
        }

        @Override
        public List<Setting<?>> settings() {
            return GanSettings.TABLE.settings();
        }
    }

    /** {@code dcgan}: {@link Dcgan}. */
    public static final class DcganProvider implements VariantProvider {
        @Override
        public String name() {
            return Dcgan.NAME;
        }

        @Override
        public int defaultBatchSize() {
            return Dcgan.DEFAULT_BATCH_SIZE;
        }

        /** {@link Dcgan#DEFAULT_AVERAGING}. */
        @Override
        public Optional<WeightAveraging> defaultAveraging() {
            return Optional.of(Dcgan.DEFAULT_AVERAGING);
        }

        @Override
        public String description() {
            return "DCGAN: TensorFlow tutorial 28x28 (default) or Radford et al. 64x64";
        }

        @Override
        public GanVariant create(Map<String, String> config, long seed) {
            return Dcgan.fromConfig(config).build(seed);
        }

        @Override
        public List<Setting<?>> settings() {
            return DcganSettings.TABLE.settings();
        }
    }
}
