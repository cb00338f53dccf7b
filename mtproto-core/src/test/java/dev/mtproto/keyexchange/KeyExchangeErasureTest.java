package dev.mtproto.keyexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.crypto.TmpAesKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's {@code new_nonce} and {@code tmp_aes_key}/IV hold real values while the exchange runs and are
 * zeros once it ends, whether it succeeded or failed; the server side erases its copies too.
 */
class KeyExchangeErasureTest {

    private static ClientKeyExchange client() {
        return ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL)).random(new SeededRandom(5)).build();
    }

    private static ServerKeyExchange server() {
        return ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL)).random(new SeededRandom(6)).build();
    }

    /** Runs the exchange to its last server answer; returns the client's buffers as they were in use. */
    private static ClientKeyExchange.SecretBuffers runUntilTheLastAnswer(ClientKeyExchange client, ServerKeyExchange server,
                                                                         byte[][] lastAnswer) {
        byte[] out = client.start();
        out = ((ClientStep.Send) client.onMessage(server.onMessage(out).payload())).payload();
        out = ((ClientStep.Send) client.onMessage(server.onMessage(out).payload())).payload();
        ClientKeyExchange.SecretBuffers inUse = client.secretBuffers();
        assertThat(inUse.newNonce()).as("new_nonce while in use").isNotNull().isNotEqualTo(new byte[32]);
        assertThat(inUse.tmpAesKey().key()).as("tmp_aes_key while in use").isNotEqualTo(new byte[32]);
        assertThat(inUse.tmpAesKey().iv()).as("tmp_aes_iv while in use").isNotEqualTo(new byte[32]);
        lastAnswer[0] = server.onMessage(out).payload();
        return inUse;
    }

    private static void assertErased(ClientKeyExchange client, ClientKeyExchange.SecretBuffers inUse) {
        assertThat(inUse.newNonce()).as("new_nonce after the exchange").isEqualTo(new byte[32]);
        TmpAesKey tmp = inUse.tmpAesKey();
        assertThat(tmp.isErased()).isTrue();
        assertThatThrownBy(tmp::key).isInstanceOf(IllegalStateException.class).hasMessageContaining("erased");
        assertThatThrownBy(tmp::iv).isInstanceOf(IllegalStateException.class);
        assertThat(client.secretBuffers()).isEqualTo(new ClientKeyExchange.SecretBuffers(null, null));
    }

    @Test
    void aFinishedExchangeLeavesZerosWhereItsSecretsWere() {
        ClientKeyExchange client = client();
        byte[][] last = new byte[1][];
        ClientKeyExchange.SecretBuffers inUse = runUntilTheLastAnswer(client, server(), last);
        assertThat(client.onMessage(last[0])).isInstanceOf(ClientStep.Done.class);
        assertErased(client, inUse);
    }

    @Test
    void aFailedExchangeErasesThemToo() {
        ClientKeyExchange client = client();
        byte[][] last = new byte[1][];
        ClientKeyExchange.SecretBuffers inUse = runUntilTheLastAnswer(client, server(), last);
        last[0][last[0].length - 1] ^= 1;
        assertThatThrownBy(() -> client.onMessage(last[0])).isInstanceOf(KeyExchangeException.class);
        assertErased(client, inUse);
    }
}
