package dev.mtproto.testkit;

import java.math.BigInteger;
import java.io.ByteArrayOutputStream;
import java.util.Base64;

/** Writes an RSA public key as PKCS#1 PEM ({@code -----BEGIN RSA PUBLIC KEY-----}), the form Telegram publishes. */
final class PemFormat {
    private PemFormat() {
    }

    static String rsaPublicKey(BigInteger modulus, BigInteger exponent) {
        byte[] body = concat(derInteger(modulus), derInteger(exponent));
        byte[] der = concat(derHeader(0x30, body.length), body);
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN RSA PUBLIC KEY-----\n" + b64 + "\n-----END RSA PUBLIC KEY-----\n";
    }

    private static byte[] derInteger(BigInteger value) {
        byte[] bytes = value.toByteArray(); // two's complement, with a leading 0 when the top bit is set
        return concat(derHeader(0x02, bytes.length), bytes);
    }

    private static byte[] derHeader(int tag, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] len = BigInteger.valueOf(length).toByteArray();
            int start = len[0] == 0 ? 1 : 0;
            out.write(0x80 | (len.length - start));
            out.write(len, start, len.length - start);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
