package dev.mtproto.keyexchange;

import static dev.mtproto.keyexchange.Vectors.hex;
import static dev.mtproto.keyexchange.Vectors.littleEndianLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.RsaPad;
import dev.mtproto.crypto.TelegramRsaKeys;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.PQInnerDataDc;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import dev.mtproto.tl.mtproto.ReqDHParams;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Drives {@link ClientKeyExchange} through the official auth-key sample (auth_key_sample.json): the client
 * gets the sample's random values and msg_ids and the server's three answers, and must produce the sample's
 * messages and key. The sample's RSA {@code temp_key} is not published, so {@code encrypted_data} of
 * req_DH_params is checked by re-encrypting the sample's {@code p_q_inner_data_dc} with our own temp_key.
 */
class ClientSampleTest {
    private static final JsonNode SAMPLE = Vectors.load("auth_key_sample.json");
    private static final JsonNode RANDOM = SAMPLE.get("random_values");
    private static final JsonNode STEP1 = SAMPLE.get("step1_req_pq_multi");
    private static final JsonNode STEP2 = SAMPLE.get("step2_resPQ");
    private static final JsonNode STEP4 = SAMPLE.get("step4_p_q_inner_data_dc");
    private static final JsonNode STEP5 = SAMPLE.get("step5_req_DH_params");
    private static final JsonNode STEP6 = SAMPLE.get("step6_server_DH_params_ok");
    private static final JsonNode STEP7 = SAMPLE.get("step7_set_client_DH_params");
    private static final JsonNode STEP8 = SAMPLE.get("step8_auth_key");
    private static final JsonNode STEP9 = SAMPLE.get("step9_dh_gen_ok");

    private static final int SERVER_TIME = STEP6.get("server_time").asInt();
    private static final long CLOCK_SKEW = 7;
    /** Our RSA_PAD temp_key (the sample's is unpublished); chosen so key_aes_encrypted is below the modulus. */
    private static final byte[] TEMP_KEY = sha256("mtproto-spring keyexchange sample temp_key");

    private ScriptedRandom random;

    private ClientKeyExchange sampleClient() {
        random = new ScriptedRandom(hex(RANDOM.get("nonce")), hex(RANDOM.get("new_nonce")),
                hex(RANDOM.get("step4_random_padding_bytes")), TEMP_KEY, hex(RANDOM.get("b_be")),
                hex(RANDOM.get("step7_padding")));
        MessageIdSource ids = new FixedMessageIds(littleEndianLong(STEP1.get("msg_id_le")),
                littleEndianLong(STEP5.get("msg_id_le")), littleEndianLong(STEP7.get("msg_id_le")));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(SERVER_TIME - CLOCK_SKEW), ZoneOffset.UTC);
        return ClientKeyExchange.builder(STEP4.get("dc").asInt(), TelegramRsaKeys.production())
                .random(random).clock(clock).messageIds(ids).build();
    }

    @Test
    void reproducesTheOfficialSample() {
        ClientKeyExchange client = sampleClient();

        // Step 1: req_pq_multi, byte for byte.
        assertThat(hex(client.start())).isEqualTo(STEP1.get("payload").asString());

        // Steps 2-5: resPQ in, req_DH_params out.
        byte[] reqDhParams = send(client.onMessage(hex(STEP2.get("payload"))));
        byte[] samplePayload = hex(STEP5.get("payload"));
        assertThat(reqDhParams).hasSameSizeAs(samplePayload);
        int encryptedAt = samplePayload.length - 256; // encrypted_data:bytes is the last field: FE 00 01 00 + 256
        assertThat(hex(Arrays.copyOf(reqDhParams, encryptedAt)))
                .as("req_DH_params except encrypted_data")
                .isEqualTo(hex(Arrays.copyOf(samplePayload, encryptedAt)));

        ReqDHParams request = readRequest(reqDhParams);
        assertThat(request.encryptedData()).hasSize(256);
        byte[] sampleInnerData = hex(STEP4.get("data"));
        assertThat(PQInnerDataType.read(new TlReader(sampleInnerData))).isInstanceOf(PQInnerDataDc.class);
        byte[] expectedEncryption = RsaPad.encrypt(sampleInnerData, TelegramRsaKeys.PRODUCTION,
                new ScriptedRandom(hex(STEP4.get("random_padding_bytes")), TEMP_KEY));
        assertThat(hex(request.encryptedData()))
                .as("the client RSA_PAD-encrypted exactly the sample's p_q_inner_data_dc")
                .isEqualTo(hex(expectedEncryption));

        // Steps 6-7: server_DH_params_ok in, set_client_DH_params out, byte for byte.
        byte[] setClientDhParams = send(client.onMessage(hex(STEP6.get("payload"))));
        assertThat(hex(setClientDhParams)).isEqualTo(STEP7.get("payload").asString());

        // Steps 8-9: dh_gen_ok in, the key out.
        ClientStep last = client.onMessage(hex(STEP9.get("payload")));
        assertThat(last).isInstanceOf(ClientStep.Done.class);
        ClientKeyExchangeResult result = ((ClientStep.Done) last).result();
        assertThat(hex(result.authKey().toByteArray())).isEqualTo(STEP8.get("auth_key").asString());
        assertThat(result.authKey().id()).isEqualTo(Long.parseLong(STEP8.get("auth_key_id_int64_derived").asString()));
        assertThat(result.firstServerSalt())
                .isEqualTo(Long.parseLong(STEP8.get("server_salt_int64_derived").asString()));
        assertThat(result.serverTime()).isEqualTo(SERVER_TIME);
        assertThat(result.timeOffsetSeconds()).isEqualTo(CLOCK_SKEW);
        assertThat(result.lifetime()).isEqualTo(KeyLifetime.permanent());
        assertThat(result.dcId()).isEqualTo(2);
        assertThat(random.remaining()).as("every scripted random byte used, no more").isZero();

        assertThat(result.toString()).doesNotContain(STEP8.get("auth_key").asString().substring(0, 16))
                .doesNotContainIgnoringCase(STEP8.get("auth_key").asString().substring(0, 16));
        assertThat(client.toString()).contains("DONE");
        assertThatThrownBy(() -> client.onMessage(hex(STEP9.get("payload"))))
                .isInstanceOf(KeyExchangeException.class).hasMessageContaining("finished");
    }

    @Test
    void theSampleDhGenOkIsRejectedWhenNewNonceHash1IsTampered() {
        ClientKeyExchange client = sampleClient();
        client.start();
        client.onMessage(hex(STEP2.get("payload")));
        client.onMessage(hex(STEP6.get("payload")));
        byte[] dhGenOk = hex(STEP9.get("payload"));
        dhGenOk[dhGenOk.length - 1] ^= 0x01; // last byte of new_nonce_hash1
        assertThatThrownBy(() -> client.onMessage(dhGenOk))
                .isInstanceOf(KeyExchangeException.class)
                .isNotInstanceOf(KeyExchangeRejectedException.class)
                .hasMessage("dh_gen_ok: new_nonce_hash1 does not match");
    }

    @Test
    void theSampleNewNonceHash1IsTheLastSixteenBytesOfDhGenOk() {
        byte[] body = hex(STEP9.get("body"));
        assertThat(hex(Arrays.copyOfRange(body, body.length - 16, body.length)))
                .isEqualTo(STEP8.get("new_nonce_hash1").asString());
    }

    @Test
    void ourTempKeyNeedsOnlyOneAttempt() {
        ScriptedRandom exact = new ScriptedRandom(hex(STEP4.get("random_padding_bytes")), TEMP_KEY);
        RsaPad.encrypt(hex(STEP4.get("data")), TelegramRsaKeys.PRODUCTION, exact);
        assertThat(exact.remaining()).isZero();
    }

    private static byte[] send(ClientStep step) {
        assertThat(step).isInstanceOf(ClientStep.Send.class);
        return ((ClientStep.Send) step).payload();
    }

    private static ReqDHParams readRequest(byte[] payload) {
        UnencryptedMessage message = UnencryptedMessage.decode(payload, MessageOrigin.CLIENT);
        TlReader reader = new TlReader(message.body());
        assertThat(reader.readInt()).isEqualTo(ReqDHParams.CONSTRUCTOR_ID);
        return ReqDHParams.readBare(reader);
    }

    private static byte[] sha256(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
