package dev.mtproto.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/**
 * An RSA public key of a Telegram server, with its MTProto fingerprint: the 64 lower-order bits of
 * SHA1 of the bare TL object {@code rsa_public_key n:string e:string} (n and e as big-endian byte
 * strings), i.e. the last 8 bytes of the digest read as a little-endian long, as in
 * {@code resPQ.server_public_key_fingerprints}.
 *
 * <p>Immutable.
 */
public final class RsaPublicKey {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final BigInteger modulus;
    private final BigInteger exponent;
    private final long fingerprint;

    private RsaPublicKey(BigInteger modulus, BigInteger exponent) {
        this.modulus = modulus;
        this.exponent = exponent;
        byte[] sha1 = Digests.sha1(tlBareEncoding(modulus, exponent));
        this.fingerprint = (long) LONGS.get(sha1, 12);
    }

    /**
     * Creates a key from its numbers.
     *
     * @param modulus n, positive
     * @param exponent e, positive and odd
     * @return the key
     * @throws IllegalArgumentException if a number is not positive or e is even
     */
    public static RsaPublicKey of(BigInteger modulus, BigInteger exponent) {
        Objects.requireNonNull(modulus, "modulus");
        Objects.requireNonNull(exponent, "exponent");
        if (modulus.signum() <= 0 || exponent.signum() <= 0 || !exponent.testBit(0)) {
            throw new IllegalArgumentException("RSA modulus and exponent must be positive, the exponent odd");
        }
        return new RsaPublicKey(modulus, exponent);
    }

    /**
     * Reads a key from PEM text: PKCS#1 ({@code -----BEGIN RSA PUBLIC KEY-----}, as Telegram publishes
     * its keys) or X.509 SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}).
     *
     * @param pem the PEM text; only the first block is read
     * @return the key
     * @throws KeyFormatException if the text is not one of these two formats or is malformed
     */
    public static RsaPublicKey fromPem(String pem) {
        PemBlock block = PemBlock.parse(pem);
        switch (block.label()) {
            case "RSA PUBLIC KEY": {
                DerReader seq = new DerReader(block.der()).sequence();
                BigInteger n = seq.integer();
                BigInteger e = seq.integer();
                if (seq.hasMore()) {
                    throw new KeyFormatException("PKCS#1 RSAPublicKey has extra fields after n and e");
                }
                return checked(n, e);
            }
            case "PUBLIC KEY": {
                try {
                    KeyFactory factory = KeyFactory.getInstance("RSA");
                    RSAPublicKey key = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(block.der()));
                    return checked(key.getModulus(), key.getPublicExponent());
                } catch (GeneralSecurityException | ClassCastException e) {
                    throw new KeyFormatException("X.509 PUBLIC KEY block is not an RSA public key", e);
                }
            }
            default:
                throw new KeyFormatException("PEM label '" + block.label()
                        + "' is not RSA PUBLIC KEY or PUBLIC KEY");
        }
    }

    private static RsaPublicKey checked(BigInteger n, BigInteger e) {
        if (n.signum() <= 0 || e.signum() <= 0 || !e.testBit(0)) {
            throw new KeyFormatException("RSA key has a non-positive modulus or an even exponent");
        }
        return new RsaPublicKey(n, e);
    }

    /**
     * Returns the modulus n.
     *
     * @return n
     */
    public BigInteger modulus() {
        return modulus;
    }

    /**
     * Returns the public exponent e.
     *
     * @return e
     */
    public BigInteger exponent() {
        return exponent;
    }

    /**
     * Returns the modulus length in bytes (256 for Telegram's 2048-bit keys).
     *
     * @return {@code ceil(bitLength(n) / 8)}
     */
    public int modulusLength() {
        return (modulus.bitLength() + 7) / 8;
    }

    /**
     * Returns the MTProto fingerprint (as a TL reader sees the {@code long} on the wire).
     *
     * @return the last 8 bytes of SHA1 of the bare TL {@code rsa_public_key}, little-endian
     */
    public long fingerprint() {
        return fingerprint;
    }

    /**
     * Returns the bare TL serialization {@code rsa_public_key n:string e:string} that the fingerprint
     * is computed over.
     *
     * @return a new array
     */
    public byte[] tlBareEncoding() {
        return tlBareEncoding(modulus, exponent);
    }

    /**
     * Raw RSA: {@code block^e mod n}, written as {@link #modulusLength()} big-endian bytes.
     *
     * @param block big-endian bytes of a number below n
     * @return the result, left-padded to the modulus length
     * @throws IllegalArgumentException if the number is not below n
     */
    public byte[] encryptRaw(byte[] block) {
        BigInteger m = new BigInteger(1, block);
        if (m.compareTo(modulus) >= 0) {
            throw new IllegalArgumentException("RSA input is not below the modulus");
        }
        return BigEndianNumbers.toFixedBigEndian(m.modPow(exponent, modulus), modulusLength());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RsaPublicKey that && modulus.equals(that.modulus) && exponent.equals(that.exponent);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "RsaPublicKey[fingerprint=" + String.format("%016x", fingerprint) + ", " + modulus.bitLength() + " bits]";
    }

    // TL bytes: length < 254 -> 1 length byte, otherwise 0xFE + 3-byte little-endian length; zero padding
    // to a multiple of 4. Kept private until the TL writer is available to this package.
    private static byte[] tlBareEncoding(BigInteger n, BigInteger e) {
        byte[] nBytes = tlBytes(BigEndianNumbers.toMinimalBigEndian(n));
        byte[] eBytes = tlBytes(BigEndianNumbers.toMinimalBigEndian(e));
        byte[] out = new byte[nBytes.length + eBytes.length];
        System.arraycopy(nBytes, 0, out, 0, nBytes.length);
        System.arraycopy(eBytes, 0, out, nBytes.length, eBytes.length);
        return out;
    }

    private static byte[] tlBytes(byte[] value) {
        int header = value.length < 254 ? 1 : 4;
        int total = (header + value.length + 3) & ~3;
        byte[] out = new byte[total];
        if (header == 1) {
            out[0] = (byte) value.length;
        } else {
            out[0] = (byte) 0xFE;
            out[1] = (byte) value.length;
            out[2] = (byte) (value.length >>> 8);
            out[3] = (byte) (value.length >>> 16);
        }
        System.arraycopy(value, 0, out, header, value.length);
        return out;
    }
}
