package org.gan4j.models.srgan;

import java.util.List;
import java.util.Map;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;

/** {@link VariantProvider}s of SRResNet and SRGAN, registered in META-INF/services. */
public final class SrProviders {
    private SrProviders() {}

    /** {@code srresnet}: {@link SrResNet}. */
    public static final class SrResNetProvider implements VariantProvider {
        @Override
        public String name() {
            return SrResNet.NAME;
        }

        @Override
        public int defaultBatchSize() {
            return SrResNet.DEFAULT_BATCH_SIZE;
        }

        @Override
        public String description() {
            return "SRResNet 4x super-resolution, pixel MSE (Ledig et al. 2017); presets paper (default) and cpu";
        }

        @Override
        public GanVariant create(Map<String, String> config, long seed) {
            return SrResNet.fromConfig(config).build(seed);
        }

        @Override
        public List<Setting<?>> settings() {
            return SrResNetSettings.TABLE.settings();
        }
    }

    /** {@code srgan}: {@link Srgan}. */
    public static final class SrganProvider implements VariantProvider {
        @Override
        public String name() {
            return Srgan.NAME;
        }

        @Override
        public int defaultBatchSize() {
            return Srgan.DEFAULT_BATCH_SIZE;
        }

        @Override
        public String description() {
            return "SRGAN 4x super-resolution, content + 1e-3 adversarial loss (Ledig et al. 2017)";
        }

        @Override
        public GanVariant create(Map<String, String> config, long seed) {
            return Srgan.fromConfig(config).build(seed);
        }

        @Override
        public List<Setting<?>> settings() {
            return SrganSettings.TABLE.settings();
        }
    }
}
