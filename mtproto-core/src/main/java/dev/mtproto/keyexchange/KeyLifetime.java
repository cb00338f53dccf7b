package dev.mtproto.keyexchange;

/**
 * Whether an exchanged authorization key is permanent or temporary (for perfect forward secrecy, bound
 * to a permanent key later with {@code auth.bindTempAuthKey}).
 */
public sealed interface KeyLifetime permits KeyLifetime.Permanent, KeyLifetime.Temporary {

    /**
     * Returns the permanent lifetime.
     *
     * @return {@link Permanent#INSTANCE}
     */
    static KeyLifetime permanent() {
        return Permanent.INSTANCE;
    }

    /**
     * Tells whether the key expires.
     *
     * @return {@code true} for {@link Temporary}
     */
    boolean isTemporary();

    /** A permanent key, requested with {@code p_q_inner_data_dc} (or the old {@code p_q_inner_data}). */
    record Permanent() implements KeyLifetime {
        /** The only instance needed. */
        public static final Permanent INSTANCE = new Permanent();

        @Override
        public boolean isTemporary() {
            return false;
        }
    }

    /**
     * A temporary key, requested with {@code p_q_inner_data_temp_dc} (or the old {@code p_q_inner_data_temp}).
     *
     * @param expiresInSeconds the {@code expires_in} the client asked for
     * @param expiresAtEpochSecond when the key expires, in the server's time: the {@code server_time} of
     *     {@code server_DH_inner_data} plus {@code expires_in}
     */
    record Temporary(int expiresInSeconds, long expiresAtEpochSecond) implements KeyLifetime {
        /**
         * Creates the lifetime.
         *
         * @param expiresInSeconds {@code expires_in}, positive
         * @param expiresAtEpochSecond the expiry in server time, Unix seconds
         * @throws IllegalArgumentException if {@code expiresInSeconds} is not positive
         */
        public Temporary {
            if (expiresInSeconds <= 0) {
                throw new IllegalArgumentException("expires_in must be positive, not " + expiresInSeconds);
            }
        }

        @Override
        public boolean isTemporary() {
            return true;
        }
    }
}
