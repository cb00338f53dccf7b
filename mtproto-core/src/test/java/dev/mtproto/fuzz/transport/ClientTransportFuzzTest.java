package dev.mtproto.fuzz.transport;

import static dev.mtproto.fuzz.transport.TransportHarness.BUDGET;
import static dev.mtproto.fuzz.transport.TransportHarness.LIMITS;
import static dev.mtproto.fuzz.transport.TransportHarness.feed;
import static dev.mtproto.fuzz.transport.TransportHarness.through;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.fuzz.SeededRandom;
import dev.mtproto.transport.ClientTransport;
import dev.mtproto.transport.ObfuscatedStream;
import dev.mtproto.transport.TransportException;
import dev.mtproto.transport.TransportKind;

/**
 * The client's transport decoders (https://core.telegram.org/mtproto/mtproto-transports), every kind, with
 * and without obfuscated2, fed what a server could send in fuzzer-chosen chunks. With obfuscation the
 * harness encrypts the fuzzer's bytes with the server's key stream, so that they reach the codec as the
 * fuzzer wrote them.
 *
 * <p>Allowed out: {@link TransportException} (and its subclasses {@code FrameTooLargeException},
 * {@code TransportErrorException}). Every frame reported lies inside its buffer and within the limit; once
 * the decoder has failed, it keeps failing; nothing allocates more than the bytes received justify.
 */
class ClientTransportFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void clientSide(FuzzedDataProvider data) {
        TransportKind kind = data.pickValue(TransportKind.values());
        boolean obfuscated = kind.supportsObfuscation() && data.consumeBoolean();
        int limit = data.pickValue(LIMITS);
        byte[] chunks = data.consumeBytes(8);
        byte[] fromServer = data.consumeRemainingAsBytes();
        BUDGET.run(fromServer.length, () -> {
            ClientTransport client = ClientTransport.builder(kind).obfuscated(obfuscated).maxFrameLength(limit)
                    .random(new SeededRandom(1)).build();
            ObfuscatedStream server = obfuscated ? ObfuscatedStream.server(client.connectionPreamble(), 0, null) : null;
            TransportHarness.Checks frames = new TransportHarness.Checks(limit, kind);
            feed(through(server, fromServer), chunks, (b, off, len) -> client.decode(b, off, len, frames));
        });
    }
}
