package org.gan4j.core.train;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Learning rate constant for {@code constantEpochs}, then decaying linearly towards 0 over
 * {@code decayEpochs} (the "linear" policy of CycleGAN and pix2pix: at 0-based epoch e the rate is
 * {@code initial * (1 - max(0, e + 1 - constantEpochs) / (decayEpochs + 1))}).
 *
 * <p>Use it in a network's updater, e.g. {@code new Adam(new LinearDecaySchedule(2e-4, 100, 100))};
 * the {@link Trainer} passes the epoch to every network, and the schedule is saved with the
 * network's configuration, so checkpoints carry it.
 */
public final class LinearDecaySchedule implements ISchedule {
    private final double initialValue;
    private final int constantEpochs;
    private final int decayEpochs;

    public LinearDecaySchedule(@JsonProperty("initialValue") double initialValue,
                               @JsonProperty("constantEpochs") int constantEpochs,
                               @JsonProperty("decayEpochs") int decayEpochs) {
        if (initialValue <= 0 || constantEpochs < 0 || decayEpochs < 0) {
            throw new IllegalArgumentException("need initialValue > 0 and non-negative epoch counts, got "
                    + initialValue + ", " + constantEpochs + ", " + decayEpochs);
        }
        this.initialValue = initialValue;
        this.constantEpochs = constantEpochs;
        this.decayEpochs = decayEpochs;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double decayed = Math.max(0, epoch + 1 - constantEpochs) / (double) (decayEpochs + 1);
        return initialValue * Math.max(0.0, 1.0 - decayed);
    }

    @Override
    public ISchedule clone() {
        return new LinearDecaySchedule(initialValue, constantEpochs, decayEpochs);
    }

    public double getInitialValue() {
        return initialValue;
    }

    public int getConstantEpochs() {
        return constantEpochs;
    }

    public int getDecayEpochs() {
        return decayEpochs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearDecaySchedule s && s.initialValue == initialValue
                && s.constantEpochs == constantEpochs && s.decayEpochs == decayEpochs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialValue, constantEpochs, decayEpochs);
    }

    @Override
    public String toString() {
        return "LinearDecaySchedule(" + initialValue + ", constant " + constantEpochs + ", decay " + decayEpochs + ")";
    }
}
