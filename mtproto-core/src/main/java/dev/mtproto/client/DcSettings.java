package dev.mtproto.client;

import dev.mtproto.crypto.RsaKeyRing;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.crypto.TelegramRsaKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which DCs a client talks to: test or production ones, their addresses, the one to start on and the RSA
 * keys trusted in the key exchange. The part of a {@link ClientConfig} that {@link ClientConfigBuilder}'s
 * DC setters fill in, through a {@link Draft}.
 *
 * @param testMode whether the DCs are test DCs
 * @param dcOptions the DC addresses to start with
 * @param homeDc the DC to start on when the session store names none; it has an address in {@code dcOptions}
 * @param rsaKeys the RSA keys trusted for the key exchange
 */
record DcSettings(boolean testMode, DcOptions dcOptions, int homeDc, RsaKeyRing rsaKeys) {

    /**
     * The DC settings being configured, with their defaults: production, Telegram's addresses and keys for
     * the mode, DC 2. Each setter checks its argument at once. Not thread-safe.
     */
    static final class Draft {
        private boolean testMode;
        private DcOptions dcOptions;
        private int homeDc = 2;
        private final List<RsaPublicKey> extraRsaKeys = new ArrayList<>();

        /** @see ClientConfigBuilder#testMode(boolean) */
        void testMode(boolean value) {
            this.testMode = value;
        }

        /** @see ClientConfigBuilder#dcOptions(DcOptions) */
        void dcOptions(DcOptions value) {
            this.dcOptions = Objects.requireNonNull(value, "dcOptions");
        }

        /** @see ClientConfigBuilder#homeDc(int) */
        void homeDc(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("homeDc must be positive, got " + value);
            }
            this.homeDc = value;
        }

        /** @see ClientConfigBuilder#addRsaKey(RsaPublicKey) */
        void addRsaKey(RsaPublicKey key) {
            extraRsaKeys.add(Objects.requireNonNull(key, "key"));
        }

        /**
         * @return the settings, with the addresses and keys of the mode where none were given
         * @throws IllegalArgumentException if the home DC has no address in the DC options
         */
        DcSettings build() {
            DcOptions options = dcOptions != null ? dcOptions : (testMode ? DcOptions.test() : DcOptions.production());
            if (!options.knows(homeDc)) {
                throw new IllegalArgumentException("the home DC " + homeDc + " has no address in the DC options (known: "
                        + options.dcIds() + ")");
            }
            RsaKeyRing ring = testMode ? TelegramRsaKeys.test() : TelegramRsaKeys.production();
            for (RsaPublicKey key : extraRsaKeys) {
                ring = ring.with(key);
            }
            return new DcSettings(testMode, options, homeDc, ring);
        }
    }
}
