package dev.mtproto.keyexchange;

import dev.mtproto.crypto.LegacyRsaEncryption;
import dev.mtproto.crypto.RsaPad;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.SecurityCheckException;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import java.util.Arrays;

/**
 * Opens the {@code encrypted_data} of {@code req_DH_params} on the server: RSA_PAD first; if its hash does
 * not match, the legacy {@code SHA1(data) + data + padding} encoding; neither: the request is rejected.
 *
 * @param inner the client's {@code p_q_inner_data*}
 * @param scheme how it was encrypted
 */
record InnerDataDecryption(PQInnerDataType inner, RsaScheme scheme) {
    /** The step named when decrypting fails. */
    static final String REQ_DH_PARAMS = "req_DH_params";
    /** The step named when the decrypted data is malformed. */
    static final String INNER_DATA = "p_q_inner_data";

    /**
     * @param encrypted {@code encrypted_data}
     * @param key the server key the client chose
     * @return the inner data and the scheme
     * @throws KeyExchangeException (step {@value #REQ_DH_PARAMS}) if neither scheme decrypts it
     * @throws dev.mtproto.tl.TlDecodeException if the decrypted bytes are not {@code p_q_inner_data*}
     */
    static InnerDataDecryption open(byte[] encrypted, RsaPrivateKey key) {
        byte[] padded;
        try {
            padded = RsaPad.decrypt(encrypted, key);
        } catch (SecurityCheckException rsaPadFailure) {
            byte[] data;
            try {
                data = LegacyRsaEncryption.decrypt(encrypted, key);
            } catch (SecurityCheckException legacyFailure) {
                throw new KeyExchangeException(REQ_DH_PARAMS, "encrypted_data is neither RSA_PAD ("
                        + rsaPadFailure.getMessage() + ") nor the legacy RSA encoding ("
                        + legacyFailure.getMessage() + ")");
            }
            try {
                return new InnerDataDecryption(TlBytes.readExactly(data, PQInnerDataType::read), RsaScheme.LEGACY);
            } finally {
                Arrays.fill(data, (byte) 0);
            }
        }
        try {
            // data_with_padding: the object, then random padding up to 192 bytes.
            return new InnerDataDecryption(PQInnerDataType.read(new TlReader(padded)), RsaScheme.RSA_PAD);
        } finally {
            Arrays.fill(padded, (byte) 0);
        }
    }
}
