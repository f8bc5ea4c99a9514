/**
 * Typed, documented variant settings: a {@link org.gan4j.core.settings.Setting} declares one setting
 * (name, type, default, check, one-line description) in one place; a
 * {@link org.gan4j.core.settings.SettingTable} binds settings to the components of an immutable record
 * and reads it from / writes it to the string maps that command lines and checkpoints use
 * ({@code GanVariant#config()}); a {@link org.gan4j.core.settings.SettingsBuilder} is the base of
 * typed builders that resolve to such a record. Built-in variants and plug-ins use the same classes.
 */
package org.gan4j.core.settings;
