package dev.mtproto.keyexchange;

import dev.mtproto.crypto.DhValidator;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The Diffie-Hellman group a server offers in {@code server_DH_inner_data}: {@code dh_prime} and {@code g}.
 *
 * @param prime {@code dh_prime}, a safe 2048-bit prime
 * @param g the generator, 2..7 with the quadratic-residue rule for that value
 */
public record DhGroup(BigInteger prime, int g) {
    /** Telegram's group: {@link DhValidator#TELEGRAM_PRIME} with {@code g = 3}. */
    public static final DhGroup TELEGRAM = new DhGroup(DhValidator.TELEGRAM_PRIME, 3);

    /**
     * Creates a group; it is checked when a server is built with it.
     *
     * @param prime {@code dh_prime}
     * @param g the generator
     * @throws NullPointerException if {@code prime} is {@code null}
     */
    public DhGroup {
        Objects.requireNonNull(prime, "prime");
    }

    @Override
    public String toString() {
        return "DhGroup[" + prime.bitLength() + "-bit prime, g=" + g + "]";
    }
}
