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

    /** @return {@code srp_id}, echoed from the parameters */
    public long srpId() {
        return srpId;
    }

    /** @return a copy of {@code A = g^a mod p}, 256 bytes big-endian */
    public byte[] a() {
        return a.clone();
    }

    /** @return a copy of {@code M1}, 32 bytes */
    public byte[] m1() {
        return m1.clone();
    }

    @Override
    public String toString() {
        return "SrpAnswer[srpId=" + srpId + "]";
    }
}
