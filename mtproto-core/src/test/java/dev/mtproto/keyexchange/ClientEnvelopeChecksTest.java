package dev.mtproto.keyexchange;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The client's checks of the unencrypted message around each answer (a forged resPQ here): a server msg_id
 * congruent to 1 mod 4, auth_key_id 0, and a message_data_length that matches the bytes after a whole header.
 */
class ClientEnvelopeChecksTest extends ForgeryFixture.AgainstClient {
    @Test
    void messageIdOfAClient() {
        byte[] forged = resPq.clone();
        forged[8] &= ~3;
        assertRefuses(forged, "resPQ: msg_id " + Long.toUnsignedString(Payloads.messageId(forged))
                + " of a server message is not congruent to 1 mod 4");
    }

    @Test
    void messageIdCongruentToThree() {
        byte[] forged = resPq.clone();
        forged[8] |= 3;
        assertThatThrownBy(() -> client.onMessage(forged)).isExactlyInstanceOf(KeyExchangeException.class)
                .hasMessageEndingWith("of a server message is not congruent to 1 mod 4");
    }

    @Test
    void authKeyIdNotZero() {
        byte[] forged = resPq.clone();
        forged[3] = 1;
        assertRefuses(forged, "resPQ: auth_key_id is not 0, so this is not an unencrypted message");
    }

    @Test
    void lengthLongerThanThePayload() {
        byte[] forged = resPq.clone();
        forged[16] += 4;
        int body = resPq.length - 20;
        assertRefuses(forged, "resPQ: message_data_length " + (body + 4) + " does not match the " + body
                + " bytes that follow the header");
    }

    @Test
    void shorterThanTheHeader() {
        assertRefuses(Arrays.copyOf(resPq, 19),
                "resPQ: payload is 19 bytes, shorter than the 20-byte unencrypted message header");
    }
}
