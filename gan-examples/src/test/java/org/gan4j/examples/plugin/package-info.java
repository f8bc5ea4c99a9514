/** A plug-in variant defined outside the command line's code, found through ServiceLoader in tests. */
package org.gan4j.examples.plugin;
