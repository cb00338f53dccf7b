package dev.mtproto.crypto;

/**
 * The client's answer to a 2FA password check, the fields of {@code inputCheckPasswordSRP}:
 * {@code srp_id}, {@code A} (256 bytes, big-endian) and {@code M1} (32 bytes). Immutable; arrays are
 * copied out.
 */
public final class SrpAnswer {
    private final long srpId;
    private final byte[] a;
    private final byte[] m1;

    SrpAnswer(long srpId, byte[] a, byte[] m1) {
        this.srpId = srpId;
        this.a = a;
        this.m1 = m1;
    }

    /**
     * Returns the SRP session id, echoed from the parameters.
     *
     * @return {@code srp_id}
     */
    public long srpId() {
        return srpId;
    }

    /**
     * Returns the client's public value.
     *
     * @return a copy of {@code A = g^a mod p}, 256 bytes big-endian
     */
    public byte[] a() {
        return a.clone();
    }

    /**
     * Returns the client's proof of the password.
     *
     * @return a copy of {@code M1}, 32 bytes
     */
    public byte[] m1() {
        return m1.clone();
    }

    @Override
    public String toString() {
        return "SrpAnswer[srpId=" + srpId + "]";
    }
}
