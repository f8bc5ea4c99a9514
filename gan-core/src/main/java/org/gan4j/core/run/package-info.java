/**
 * Run folders that survive crashes: {@link org.gan4j.core.run.RunDirectory} (one owner per folder through
 * an OS file lock, the layout, removal of leftovers, the newest intact checkpoint, the standard
 * listeners) and {@link org.gan4j.core.run.RunConfig} (config.properties: what recreates a run).
 */
package org.gan4j.core.run;
