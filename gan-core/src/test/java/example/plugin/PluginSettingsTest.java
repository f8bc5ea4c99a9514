package example.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;
import org.gan4j.core.train.GanVariant;
import org.gan4j.core.train.VariantProvider;
import org.junit.jupiter.api.Test;

/** A settings table declared outside gan4j's packages, with the public API only. */
class PluginSettingsTest {

    @Test
    void defaultsFollowThePresetAndEarlierSettings() {
        ToySettings d = ToySettings.TABLE.defaults();
        assertEquals(new ToySettings(ToySettings.Preset.LARGE, 256, 258, 2e-4, true, ToySettings.Kind.U_NET, null), d);
        ToySettings small = ToySettings.TABLE.read(Map.of("preset", "small"));
        assertEquals(64, small.size());
        assertEquals(66, small.loadSize(), "derived from the size the preset gave");
        assertEquals(102, ToySettings.TABLE.read(Map.of("size", "100")).loadSize(), "derived from the given size");
        assertEquals(120, ToySettings.TABLE.read(Map.of("size", "100", "loadSize", "120")).loadSize());
    }

    @Test
    void writeThenReadGivesTheSameRecord() {
        ToySettings s = new ToySettings(ToySettings.Preset.SMALL, 32, 40, 1.5e-3, false, ToySettings.Kind.RES_NET_9,
                Path.of("w.zip"));
        Map<String, String> text = ToySettings.TABLE.write(s);
        assertEquals(List.of("preset", "size", "loadSize", "rate", "mirror", "kind", "weights"), List.copyOf(text.keySet()));
        assertEquals("small", text.get("preset"));
        assertEquals("0.0015", text.get("rate"));
        assertEquals("resnet9", text.get("kind"), "the declared spelling");
        assertEquals(s, ToySettings.TABLE.read(text));
        assertFalse(ToySettings.TABLE.write(ToySettings.TABLE.defaults()).containsKey("weights"),
                "an optional setting without a value is not written");
    }

    @Test
    void choicesAndFlagsReadLeniently() {
        assertEquals(ToySettings.Kind.RES_NET_9, ToySettings.TABLE.read(Map.of("kind", "RES-NET-9")).kind());
        assertEquals(ToySettings.Kind.RES_NET_9, ToySettings.TABLE.read(Map.of("kind", "res_net_9")).kind());
        assertEquals(ToySettings.Kind.U_NET, ToySettings.TABLE.read(Map.of("kind", "unet")).kind());
        assertFalse(ToySettings.TABLE.read(Map.of("mirror", " FALSE ")).mirror());
        assertArrayEquals(new String[] {"resnet9", "unet"}, ToySettings.KIND.choices());
    }

    @Test
    void badInputIsNamed() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> ToySettings.TABLE.read(Map.of("sise", "3")));
        assertTrue(unknown.getMessage().contains("unknown setting(s) for toy: [sise]"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("size"), "lists the known ones: " + unknown.getMessage());
        assertMessage("toy setting size='big' is not a whole number", Map.of("size", "big"));
        assertMessage("toy setting mirror='yes' is not true or false", Map.of("mirror", "yes"));
        assertMessage("toy setting kind='vgg' is not one of resnet9, unet", Map.of("kind", "vgg"));
        assertMessage("toy setting size=0 is not valid: it must be positive", Map.of("size", "0"));
        assertMessage("toy settings: loadSize 10 is smaller than size 64", Map.of("preset", "small", "loadSize", "10"));
    }

    private static void assertMessage(String expected, Map<String, String> config) {
        var e = assertThrows(IllegalArgumentException.class, () -> ToySettings.TABLE.read(config));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void builderResolvesToANewRecordEachTime() {
        ToyBuilder b = new ToyBuilder().preset(ToySettings.Preset.SMALL).rate(1e-3);
        ToySettings first = b.settings();
        b.size(128);
        assertEquals(64, first.size(), "a record already built does not change with the builder");
        assertEquals(128, b.settings().size());
        assertEquals(130, b.settings().loadSize());
        assertThrows(IllegalArgumentException.class, () -> b.rate(-1), "checked when set");
        assertThrows(IllegalArgumentException.class, () -> new ToyBuilder().config(Map.of("preset", "small",
                "loadSize", "10")), "a config is checked as a whole when given");
        assertEquals(first, new ToyBuilder().settings(first).settings());
        assertEquals(b.settings(), new ToyBuilder().config(b.toConfig()).settings());
        assertEquals(Map.of("preset", "small", "size", "128", "loadSize", "130", "rate", "0.001", "mirror", "true",
                "kind", "unet"), b.toConfig());
    }

    @Test
    void tablesMustMatchTheRecord() {
        var order = assertThrows(IllegalArgumentException.class, () -> SettingTable.of("toy", ToySettings.class,
                ToySettings.SIZE, ToySettings.PRESET, ToySettings.LOAD_SIZE, ToySettings.RATE, ToySettings.MIRROR,
                ToySettings.KIND, ToySettings.WEIGHTS));
        assertTrue(order.getMessage().contains("in order"), order.getMessage());
        Setting<String> wrongType = Setting.text("size", "side as text").defaultValue("1");
        assertThrows(IllegalArgumentException.class, () -> SettingTable.of("toy", ToySettings.class, ToySettings.PRESET,
                wrongType, ToySettings.LOAD_SIZE, ToySettings.RATE, ToySettings.MIRROR, ToySettings.KIND,
                ToySettings.WEIGHTS));
        Setting<Integer> noDefault = Setting.integer("size", "side");
        assertThrows(IllegalStateException.class, () -> SettingTable.of("toy", ToySettings.class, ToySettings.PRESET,
                noDefault, ToySettings.LOAD_SIZE, ToySettings.RATE, ToySettings.MIRROR, ToySettings.KIND,
                ToySettings.WEIGHTS));
        assertThrows(IllegalStateException.class, () -> Setting.integer("n", "a primitive").optional());
    }

    @Test
    void settingsDescribeThemselvesForHelp() {
        assertEquals("256 large, 64 small", ToySettings.SIZE.defaultText());
        assertEquals("2.0E-4", ToySettings.RATE.defaultText());
        assertEquals("unet", ToySettings.KIND.defaultText());
        assertEquals("none", ToySettings.WEIGHTS.defaultText());
        assertEquals("positive", ToySettings.SIZE.requirement());
        assertNull(ToySettings.TABLE.defaults().weights());
        VariantProvider provider = new VariantProvider() {
            @Override
            public String name() {
                return "toy";
            }

            @Override
            public String description() {
                return "a toy";
            }

            @Override
            public GanVariant create(Map<String, String> config, long seed) {
                throw new UnsupportedOperationException();
            }
        };
        assertTrue(provider.settings().isEmpty(), "providers that declare no table list none");
    }
}
