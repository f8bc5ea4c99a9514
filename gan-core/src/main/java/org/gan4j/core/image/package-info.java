/** Image helpers: tensors in [-1, 1] to and from {@link java.awt.image.BufferedImage}, grids and PNG files. */
package org.gan4j.core.image;
