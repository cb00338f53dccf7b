package dev.mtproto.fuzz.transport;

import static dev.mtproto.fuzz.transport.TransportHarness.BUDGET;
import static dev.mtproto.fuzz.transport.TransportHarness.LIMITS;
import static dev.mtproto.fuzz.transport.TransportHarness.feed;
import static dev.mtproto.fuzz.transport.TransportHarness.through;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.fuzz.SeededRandom;
import dev.mtproto.transport.MtproxySecret;
import dev.mtproto.transport.Obfuscated2Header;
import dev.mtproto.transport.ObfuscatedStream;
import dev.mtproto.transport.ServerTransport;
import dev.mtproto.transport.TransportException;
import dev.mtproto.transport.TransportKind;
import java.util.OptionalInt;

/**
 * The server's transport decoder (https://core.telegram.org/mtproto/mtproto-transports), which guesses the
 * kind from the first bytes, fed what a client could send in fuzzer-chosen chunks: plain with or without
 * the tag, obfuscated2, or obfuscated2 behind an MTProxy {@code dd} secret. With obfuscation the harness
 * encrypts the fuzzer's bytes with the client's key stream, so that they reach the codec as written.
 *
 * <p>Allowed out: {@link TransportException} and its subclasses. Every frame reported lies inside its
 * buffer and within the limit; once the decoder has failed, it keeps failing; nothing allocates more than
 * the bytes received justify.
 */
class ServerTransportFuzzTest {
    private static final MtproxySecret SECRET = MtproxySecret.fromHex("dd0123456789abcdef0123456789abcdef");

    @FuzzTest(maxDuration = "10s")
    void serverSide(FuzzedDataProvider data) {
        TransportKind kind = data.pickValue(TransportKind.values());
        // 0 plain with the tag sent, 1 plain (the fuzzer writes the tag, or not), 2 obfuscated, 3 with an MTProxy secret
        int mode = kind.supportsObfuscation() ? data.consumeInt(0, 3) : data.consumeInt(0, 1);
        int dcId = data.consumeInt(-5, 5);
        int limit = data.pickValue(LIMITS);
        byte[] chunks = data.consumeBytes(8);
        byte[] fromClient = data.consumeRemainingAsBytes();
        BUDGET.run(fromClient.length, () -> {
            MtproxySecret secret = mode == 3 ? SECRET : null;
            ServerTransport server = ServerTransport.builder().mtproxySecret(secret).maxFrameLength(limit)
                    .random(new SeededRandom(2)).build();
            TransportHarness.Checks frames = new TransportHarness.Checks(limit, kind);
            ObfuscatedStream client = null;
            byte[] first = mode == 0 ? kind.connectionTag() : new byte[0];
            if (mode >= 2) {
                client = ObfuscatedStream.client(Obfuscated2Header.generate(kind, OptionalInt.of(dcId), new SeededRandom(3)), secret);
                first = client.preamble();
            }
            server.decode(first, 0, first.length, frames);
            feed(through(client, fromClient), chunks, (b, off, len) -> server.decode(b, off, len, frames));
        });
    }
}
