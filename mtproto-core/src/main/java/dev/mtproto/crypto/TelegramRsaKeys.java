package dev.mtproto.crypto;

/**
 * Telegram's built-in RSA public keys, as published on my.telegram.org and embedded in the official
 * clients: the production key (fingerprint {@code 0xd09d1d85de64fd85}) and the test-DC key (fingerprint
 * {@code 0xb25898df208d2603}).
 */
public final class TelegramRsaKeys {
    /** The production DCs' key. */
    public static final RsaPublicKey PRODUCTION = RsaPublicKey.fromPem(
            "-----BEGIN RSA PUBLIC KEY-----\n"
            + "MIIBCgKCAQEA6LszBcC1LGzyr992NzE0ieY+BSaOW622Aa9Bd4ZHLl+TuFQ4lo4g\n"
            + "5nKaMBwK/BIb9xUfg0Q29/2mgIR6Zr9krM7HjuIcCzFvDtr+L0GQjae9H0pRB2OO\n"
            + "62cECs5HKhT5DZ98K33vmWiLowc621dQuwKWSQKjWf50XYFw42h21P2KXUGyp2y/\n"
            + "+aEyZ+uVgLLQbRA1dEjSDZ2iGRy12Mk5gpYc397aYp438fsJoHIgJ2lgMv5h7WY9\n"
            + "t6N/byY9Nw9p21Og3AoXSL2q/2IJ1WRUhebgAdGVMlV1fkuOQoEzR7EdpqtQD9Cs\n"
            + "5+bfo3Nhmcyvk5ftB0WkJ9z6bNZ7yxrP8wIDAQAB\n"
            + "-----END RSA PUBLIC KEY-----\n");

    /** The test DCs' key. */
    public static final RsaPublicKey TEST = RsaPublicKey.fromPem(
            "-----BEGIN RSA PUBLIC KEY-----\n"
            + "MIIBCgKCAQEAyMEdY1aR+sCR3ZSJrtztKTKqigvO/vBfqACJLZtS7QMgCGXJ6XIR\n"
            + "yy7mx66W0/sOFa7/1mAZtEoIokDP3ShoqF4fVNb6XeqgQfaUHd8wJpDWHcR2OFwv\n"
            + "plUUI1PLTktZ9uW2WE23b+ixNwJjJGwBDJPQEQFBE+vfmH0JP503wr5INS1poWg/\n"
            + "j25sIWeYPHYeOrFp/eXaqhISP6G+q2IeTaWTXpwZj4LzXq5YOpk4bYEQ6mvRq7D1\n"
            + "aHWfYmlEGepfaYR8Q0YqvvhYtMte3ITnuSJs171+GDqpdKcSwHnd6FudwGO4pcCO\n"
            + "j4WcDuXc2CTHgH8gFTNhp/Y8/SpDOhvn9QIDAQAB\n"
            + "-----END RSA PUBLIC KEY-----\n");

    private TelegramRsaKeys() {
    }

    /**
     * Returns a ring with the production key, for production DCs.
     *
     * @return the ring; add keys with {@link RsaKeyRing#with}
     */
    public static RsaKeyRing production() {
        return RsaKeyRing.of(PRODUCTION);
    }

    /**
     * Returns a ring with the test-DC key, for Telegram's test DCs.
     *
     * @return the ring; add keys with {@link RsaKeyRing#with}
     */
    public static RsaKeyRing test() {
        return RsaKeyRing.of(TEST);
    }
}
