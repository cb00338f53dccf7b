package dev.mtproto.crypto;

import static dev.mtproto.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthKeyTest {
    private static final JsonNode STEP8 = TestVectors.load("auth_key_sample.json").get("step8_auth_key");

    @Test
    void derivesIdAndAuxHashOfTheSampleKey() {
        byte[] bytes = hex(STEP8.get("auth_key"));
        AuthKey key = AuthKey.of(bytes);
        assertThat(key.id()).isEqualTo(Long.parseLong(STEP8.get("auth_key_id_int64_derived").asString()));
        assertThat(key.auxHash()).isEqualTo(hex(STEP8.get("auth_key_aux_hash_derived")));
        assertThat(key.toByteArray()).isEqualTo(bytes);
        assertThat(AuthKey.fromDhResult(new BigInteger(1, bytes))).isEqualTo(key);
    }

    @Test
    void copiesInAndOut() {
        byte[] bytes = hex(STEP8.get("auth_key"));
        AuthKey key = AuthKey.of(bytes);
        long id = key.id();
        bytes[0] ^= 1;
        assertThat(AuthKey.of(bytes).id()).isNotEqualTo(id);
        key.toByteArray()[0] ^= 1;
        assertThat(key.toByteArray()).isEqualTo(hex(STEP8.get("auth_key")));
    }

    @Test
    void leftPadsShortDhResults() {
        AuthKey key = AuthKey.fromDhResult(BigInteger.valueOf(0x1234));
        byte[] bytes = key.toByteArray();
        assertThat(bytes).hasSize(256);
        assertThat(bytes[254]).isEqualTo((byte) 0x12);
        assertThat(bytes[255]).isEqualTo((byte) 0x34);
        assertThat(bytes[0]).isZero();
    }

    @Test
    void rejectsWrongSizes() {
        assertThatThrownBy(() -> AuthKey.of(new byte[255])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bytes");
        assertThatThrownBy(() -> AuthKey.fromDhResult(BigInteger.ONE.shiftLeft(2048)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthKey.fromDhResult(BigInteger.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsOnlyTheId() {
        AuthKey key = AuthKey.of(hex(STEP8.get("auth_key")));
        assertThat(key.toString()).isEqualTo("AuthKey[id=" + String.format("%016x", key.id()) + "]")
                .doesNotContainIgnoringCase("8E1081A1");
    }
}
