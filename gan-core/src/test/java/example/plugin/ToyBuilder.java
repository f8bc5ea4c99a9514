package example.plugin;

import org.gan4j.core.settings.SettingsBuilder;

/** A plug-in's typed builder over {@link ToySettings}. */
public final class ToyBuilder extends SettingsBuilder<ToySettings, ToyBuilder> {
    public ToyBuilder() {
        super(ToySettings.TABLE);
    }

    public ToyBuilder preset(ToySettings.Preset p) {
        return set(ToySettings.PRESET, p);
    }

    public ToyBuilder size(int n) {
        return set(ToySettings.SIZE, n);
    }

    public ToyBuilder rate(double r) {
        return set(ToySettings.RATE, r);
    }
}
