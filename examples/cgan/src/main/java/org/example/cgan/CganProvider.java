package org.example.cgan;

import java.util.List;
import java.util.Map;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;

/**
 * Makes {@link Cgan} known to gan4j by name ({@code cgan}): registered in
 * {@code META-INF/services/org.gan4j.core.train.VariantProvider}, so {@code ./gan --plugin cgan.jar train cgan}
 * and checkpoints that name the variant find it.
 */
public final class CganProvider implements VariantProvider {
    @Override
    public String name() {
        return Cgan.NAME;
    }

    @Override
    public String description() {
        return "conditional GAN (Mirza & Osindero 2014): MNIST digits of a chosen class (example plug-in)";
    }

    @Override
    public int defaultBatchSize() {
        return Cgan.DEFAULT_BATCH_SIZE;
    }

    @Override
    public List<Setting<?>> settings() {
        return CganSettings.TABLE.settings();
    }

    @Override
    public GanVariant create(Map<String, String> config, long seed) {
        return new Cgan(CganSettings.TABLE.read(config), seed);
    }
}
