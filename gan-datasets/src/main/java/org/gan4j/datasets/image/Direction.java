package org.gan4j.datasets.image;

/**
 * Which domain is the model's input. {@link org.gan4j.core.data.Batch#a()} always holds the input
 * domain: A for {@link #A_TO_B}, B for {@link #B_TO_A}.
 */
public enum Direction {
    A_TO_B,
    B_TO_A
}
