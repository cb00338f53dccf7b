package dev.mtproto.keyexchange;

import dev.mtproto.tl.mtproto.PQInnerData;
import dev.mtproto.tl.mtproto.PQInnerDataDc;
import dev.mtproto.tl.mtproto.PQInnerDataTemp;
import dev.mtproto.tl.mtproto.PQInnerDataTempDc;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the client asked for in its {@code p_q_inner_data*}, checked against what the server accepts: the
 * form, the DC id (one of the accepted ones; the old forms without it only if the server allows them) and
 * a positive {@code expires_in} for temporary keys.
 *
 * @param form the constructor sent
 * @param clientDc the {@code dc}, empty for the old forms
 * @param expiresIn {@code expires_in}, 0 for a permanent key
 */
record InnerDataTerms(PqInnerDataForm form, OptionalInt clientDc, int expiresIn) {

    /**
     * @param inner the decrypted inner data
     * @param acceptedDcIds the {@code dc} values this server accepts
     * @param requireDc whether the old forms without {@code dc} are refused
     * @return the terms
     * @throws KeyExchangeException (step: the inner data's TL name) if a term is not acceptable
     */
    static InnerDataTerms check(PQInnerDataType inner, Set<Integer> acceptedDcIds, boolean requireDc) {
        String step = inner.tlName();
        if (inner instanceof PQInnerDataDc withDc) {
            return new InnerDataTerms(PqInnerDataForm.DC, dc(step, withDc.dc(), acceptedDcIds), 0);
        }
        if (inner instanceof PQInnerDataTempDc temp) {
            return new InnerDataTerms(PqInnerDataForm.TEMP_DC, dc(step, temp.dc(), acceptedDcIds),
                    expiresIn(step, temp.expiresIn()));
        }
        if (requireDc) {
            throw new KeyExchangeException(step, "this server requires the dc field (p_q_inner_data_dc or "
                    + "p_q_inner_data_temp_dc)");
        }
        if (inner instanceof PQInnerDataTemp temp) {
            return new InnerDataTerms(PqInnerDataForm.TEMP_NO_DC, OptionalInt.empty(), expiresIn(step, temp.expiresIn()));
        }
        if (inner instanceof PQInnerData) {
            return new InnerDataTerms(PqInnerDataForm.NO_DC, OptionalInt.empty(), 0);
        }
        throw new KeyExchangeException(step, "unknown p_q_inner_data form");
    }

    private static OptionalInt dc(String step, int dc, Set<Integer> acceptedDcIds) {
        if (!acceptedDcIds.contains(dc)) {
            throw new KeyExchangeException(step, "dc " + dc + " is not this DC (accepted: " + acceptedDcIds + ")");
        }
        return OptionalInt.of(dc);
    }

    private static int expiresIn(String step, int seconds) {
        if (seconds <= 0) {
            throw new KeyExchangeException(step, "expires_in " + seconds + " is not positive");
        }
        return seconds;
    }
}
