package dev.mtproto.crypto;

import static dev.mtproto.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
    void destroyOverwritesTheBytesAndLaterUseThrowsNamingTheKey() {
        AuthKey key = AuthKey.of(hex(STEP8.get("auth_key")));
        long id = key.id();
        byte[] inner = key.bytes();
        assertThat(key.isDestroyed()).isFalse();

        key.destroy();

        assertThat(key.isDestroyed()).isTrue();
        assertThat(inner).containsOnly(0);
        assertThat(key.id()).isEqualTo(id);
        assertThat(key.hashCode()).isEqualTo(Long.hashCode(id));
        String name = String.format("%016x", id);
        assertThat(key.toString()).isEqualTo("AuthKey[id=" + name + ", destroyed]");
        List<ThrowingCallable> uses = List.of(key::toByteArray, key::auxHash, key::copy, key::bytes,
                () -> NewNonceHash.compute(new byte[32], 1, key));
        for (ThrowingCallable use : uses) {
            assertThatThrownBy(use).isInstanceOf(IllegalStateException.class)
                    .hasMessage("auth key " + name + " was destroyed");
        }
        key.destroy(); // again: nothing happens
        assertThat(key.isDestroyed()).isTrue();
    }

    @Test
    void aCopyIsEqualButDestroyedSeparately() {
        byte[] bytes = hex(STEP8.get("auth_key"));
        AuthKey key = AuthKey.of(bytes);
        AuthKey copy = key.copy();
        assertThat(copy).isEqualTo(key).isNotSameAs(key);
        assertThat(copy.id()).isEqualTo(key.id());
        assertThat(copy.auxHash()).isEqualTo(key.auxHash());

        key.destroy();

        assertThat(copy.isDestroyed()).isFalse();
        assertThat(copy.toByteArray()).isEqualTo(bytes);
        assertThat(key).isNotEqualTo(copy).isEqualTo(key);
        assertThat(copy).isNotEqualTo(key);
    }

    @Test
    void toStringShowsOnlyTheId() {
        AuthKey key = AuthKey.of(hex(STEP8.get("auth_key")));
        assertThat(key.toString()).isEqualTo("AuthKey[id=" + String.format("%016x", key.id()) + "]")
                .doesNotContainIgnoringCase("8E1081A1");
    }
}
