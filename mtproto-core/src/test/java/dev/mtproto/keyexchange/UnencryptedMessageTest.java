package dev.mtproto.keyexchange;

import static dev.mtproto.keyexchange.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UnencryptedMessageTest {
    private static final JsonNode SAMPLE = Vectors.load("auth_key_sample.json");

    @Test
    void decodesAndReencodesEverySampleMessage() {
        String[][] steps = {{"step1_req_pq_multi", "CLIENT"}, {"step2_resPQ", "SERVER"},
                {"step5_req_DH_params", "CLIENT"}, {"step6_server_DH_params_ok", "SERVER"},
                {"step7_set_client_DH_params", "CLIENT"}, {"step9_dh_gen_ok", "SERVER"}};
        for (String[] step : steps) {
            JsonNode node = SAMPLE.get(step[0]);
            byte[] payload = hex(node.get("payload"));
            UnencryptedMessage message = UnencryptedMessage.decode(payload, MessageOrigin.valueOf(step[1]));
            assertThat(message.messageId()).isEqualTo(Vectors.littleEndianLong(node.get("msg_id_le")));
            if (node.has("body")) {
                assertThat(message.body()).isEqualTo(hex(node.get("body")));
            }
            assertThat(message.encode()).as(step[0]).isEqualTo(payload);
        }
    }

    @Test
    void bodyIsCopiedInAndOut() {
        byte[] body = {1, 2, 3, 4};
        UnencryptedMessage message = new UnencryptedMessage(8, body);
        body[0] = 9;
        message.body()[1] = 9;
        assertThat(message.body()).containsExactly(1, 2, 3, 4);
        assertThat(message).isEqualTo(new UnencryptedMessage(8, new byte[] {1, 2, 3, 4}))
                .hasSameHashCodeAs(new UnencryptedMessage(8, new byte[] {1, 2, 3, 4}))
                .isNotEqualTo(new UnencryptedMessage(12, new byte[] {1, 2, 3, 4}));
        assertThat(message.toString()).isEqualTo("UnencryptedMessage[msgId=8, body=4 bytes]");
    }

    @Test
    void bodiesMustBeNonEmptyMultiplesOfFour() {
        assertThatThrownBy(() -> new UnencryptedMessage(8, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnencryptedMessage(8, new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageIdParity() {
        assertThat(MessageOrigin.CLIENT.isValidMessageId(0x6A46706100_04F478L)).isTrue();
        assertThat(MessageOrigin.CLIENT.isValidMessageId(0x6A46706100_04F479L)).isFalse();
        assertThat(MessageOrigin.SERVER.isValidMessageId(0x6A467061C2CCF401L)).isTrue();
        assertThat(MessageOrigin.SERVER.isValidMessageId(0x6A467061C2CCF403L)).isFalse();
        assertThat(MessageOrigin.SERVER.withParity(0x100L)).isEqualTo(0x101L);
        assertThat(MessageOrigin.CLIENT.withParity(0x103L)).isEqualTo(0x100L);
        assertThat(MessageOrigin.CLIENT.isValidMessageId(-4L)).as("after 2038 ids are negative as signed longs")
                .isTrue();
    }

    @Test
    void rejectsEveryMalformedEnvelope() {
        byte[] good = new UnencryptedMessage(0x1000, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).encode();
        assertRejected(Arrays.copyOf(good, 19), "unencrypted message: payload is 19 bytes, shorter than the 20-byte "
                + "unencrypted message header");
        assertRejected(new byte[0], "unencrypted message: payload is 0 bytes, shorter than the 20-byte unencrypted "
                + "message header");
        byte[] keyed = good.clone();
        keyed[7] = (byte) 0x80;
        assertRejected(keyed, "unencrypted message: auth_key_id is not 0, so this is not an unencrypted message");
        byte[] serverId = good.clone();
        serverId[8] = 1;
        assertRejected(serverId, "unencrypted message: msg_id 4097 of a client message is not divisible by 4");
        assertRejected(Arrays.copyOf(good, good.length + 4),
                "unencrypted message: message_data_length 8 does not match the 12 bytes that follow the header");
        assertRejected(Arrays.copyOf(good, good.length - 1),
                "unencrypted message: message_data_length 8 does not match the 7 bytes that follow the header");
        byte[] negative = good.clone();
        negative[19] = (byte) 0xFF;
        assertRejected(negative, "unencrypted message: message_data_length 4278190088 does not match the 8 bytes "
                + "that follow the header");
        byte[] empty = Arrays.copyOf(good, 20);
        empty[16] = 0;
        assertRejected(empty, "unencrypted message: message_data_length 0 is not a positive multiple of 4");
        byte[] odd = Arrays.copyOf(good, 27);
        odd[16] = 7;
        assertRejected(odd, "unencrypted message: message_data_length 7 is not a positive multiple of 4");
        assertThat(UnencryptedMessage.decode(good, MessageOrigin.CLIENT).messageId()).isEqualTo(0x1000);
    }

    private static void assertRejected(byte[] payload, String message) {
        assertThatThrownBy(() -> UnencryptedMessage.decode(payload, MessageOrigin.CLIENT))
                .isExactlyInstanceOf(KeyExchangeException.class).hasMessage(message);
    }
}
