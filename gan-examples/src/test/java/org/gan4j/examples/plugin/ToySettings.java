package org.gan4j.examples.plugin;

import org.gan4j.core.settings.Setting;
import org.gan4j.core.settings.SettingTable;

/** The test plug-in's one setting, in a settings table as a plug-in declares them ({@code gan settings toycgan}). */
public record ToySettings(int hidden) {
    static final Setting<Integer> HIDDEN = Setting.integer("hidden", "units in the hidden layer of G and D")
            .defaultValue(16).require(n -> n > 0, "positive");

    /** The settings, their defaults and descriptions. */
    public static final SettingTable<ToySettings> TABLE = SettingTable.of(ToyConditionalGan.NAME, ToySettings.class, HIDDEN);
}
