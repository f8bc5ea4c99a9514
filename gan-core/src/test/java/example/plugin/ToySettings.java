package example.plugin;

import java.nio.file.Path;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;

/** A plug-in's settings record, written against the public API only (as docs/architecture.md shows). */
public record ToySettings(ToySettings.Preset preset, int size, int loadSize, double rate, boolean mirror,
                          ToySettings.Kind kind, Path weights) {
    /** Presets. */
    public enum Preset { SMALL, LARGE }

    /** A choice with an underscore. */
    public enum Kind { RES_NET_9, U_NET }

    static final Setting<Preset> PRESET = Setting.choice("preset", Preset.class, "sizes").defaultValue(Preset.LARGE);
    static final Setting<Integer> SIZE = Setting.integer("size", "image side")
            .defaultValue(v -> v.get(PRESET) == Preset.LARGE ? 256 : 64, "256 large, 64 small")
            .require(n -> n > 0, "positive");
    static final Setting<Integer> LOAD_SIZE = Setting.integer("loadSize", "side before cropping")
            .defaultValue(v -> v.get(SIZE) + 2, "size + 2");
    static final Setting<Double> RATE = Setting.real("rate", "learning rate").defaultValue(2e-4)
            .require(x -> x > 0, "positive");
    static final Setting<Boolean> MIRROR = Setting.flag("mirror", "random mirroring").defaultValue(true);
    static final Setting<Kind> KIND = Setting.choice("kind", Kind.class, "generator").defaultValue(Kind.U_NET)
            .spelled(k -> k.name().toLowerCase(java.util.Locale.ROOT).replace("_", ""));
    static final Setting<Path> WEIGHTS = Setting.path("weights", "pretrained weights").optional();

    public static final SettingTable<ToySettings> TABLE = SettingTable.of("toy", ToySettings.class, PRESET, SIZE,
            LOAD_SIZE, RATE, MIRROR, KIND, WEIGHTS);

    public ToySettings {
        if (loadSize < size) {
            throw new IllegalArgumentException("loadSize " + loadSize + " is smaller than size " + size);
        }
    }
}
