/**
 * Implementation details of gan4j; not an API. Currently: switching on DL4J's oneDNN layer
 * helpers ({@link org.gan4j.core.internal.OneDnnHelpers}).
 */
package org.gan4j.core.internal;
