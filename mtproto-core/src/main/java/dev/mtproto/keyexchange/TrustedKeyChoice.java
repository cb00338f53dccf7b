package dev.mtproto.keyexchange;

import dev.mtproto.crypto.RsaKeyRing;
import dev.mtproto.crypto.RsaPublicKey;
import java.util.List;

/** Picks the server RSA key a client encrypts {@code p_q_inner_data} for: the first offered one it trusts. */
final class TrustedKeyChoice {
    private static final int LISTED_FINGERPRINTS = 8;

    private TrustedKeyChoice() {
    }

    /**
     * @param step the step, for the exception
     * @param trusted the keys the client trusts
     * @param offered the fingerprints of {@code resPQ}, in the server's order
     * @return the first offered key that is trusted
     * @throws KeyExchangeException if none is trusted, or the chosen one is not 2048-bit (RSA_PAD needs that)
     */
    static RsaPublicKey select(String step, RsaKeyRing trusted, List<Long> offered) {
        for (long fingerprint : offered) {
            RsaPublicKey key = trusted.find(fingerprint).orElse(null);
            if (key != null) {
                if (key.modulusLength() != 256) {
                    throw new KeyExchangeException(step, "the trusted RSA key " + hex(fingerprint)
                            + " is not a 2048-bit key, which RSA_PAD needs");
                }
                return key;
            }
        }
        List<Long> trustedIds = trusted.keys().stream().map(RsaPublicKey::fingerprint).toList();
        throw new KeyExchangeException(step, "none of the server's RSA key fingerprints " + list(offered)
                + " is trusted; trusted: " + list(trustedIds));
    }

    private static String list(List<Long> fingerprints) {
        StringBuilder out = new StringBuilder("[");
        int shown = Math.min(fingerprints.size(), LISTED_FINGERPRINTS);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(hex(fingerprints.get(i)));
        }
        if (fingerprints.size() > shown) {
            out.append(", and ").append(fingerprints.size() - shown).append(" more");
        }
        return out.append(']').toString();
    }

    private static String hex(long fingerprint) {
        return String.format("0x%016x", fingerprint);
    }
}
