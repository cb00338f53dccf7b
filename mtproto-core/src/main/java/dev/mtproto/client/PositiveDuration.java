package dev.mtproto.client;

import java.time.Duration;
import java.util.Objects;

/** The check of a configuration option that must be a positive duration, with the message users see. */
final class PositiveDuration {
    private PositiveDuration() {
    }

    /**
     * @param value the value given
     * @param option the option's name, for the message
     * @return the value
     * @throws NullPointerException if it is null (the message is the option's name)
     * @throws IllegalArgumentException if it is zero or negative
     */
    static Duration require(Duration value, String option) {
        Objects.requireNonNull(value, option);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
        return value;
    }
}
