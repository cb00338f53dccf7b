package dev.mtproto.keyexchange;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Garbage, truncated and bit-flipped messages at every step of both sides: the only exception allowed out
 * is {@link KeyExchangeException}; nothing hangs.
 */
class HostileInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    /** A client and a server run up to the point where the client expects {@code step} (0, 1 or 2). */
    private static final class ClientAt {
        final ClientKeyExchange client;
        final byte[] answer;

        ClientAt(int step, long seed) {
            client = ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL)).random(new SeededRandom(seed)).build();
            ServerKeyExchange server = ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL))
                    .random(new SeededRandom(seed + 1)).build();
            byte[] out = client.start();
            byte[] in = server.onMessage(out).payload();
            for (int i = 0; i < step; i++) {
                out = ((ClientStep.Send) client.onMessage(in)).payload();
                in = server.onMessage(out).payload();
            }
            answer = in;
        }
    }

    /** A server and a client run up to the point where the server expects {@code step} (0, 1 or 2). */
    private static final class ServerAt {
        final ServerKeyExchange server;
        final byte[] request;

        ServerAt(int step, long seed) {
            server = ServerKeyExchange.builder(2, List.of(TestKeys.LOCAL)).random(new SeededRandom(seed)).build();
            ClientKeyExchange client = ClientKeyExchange.builder(2, TestKeys.ring(TestKeys.LOCAL))
                    .random(new SeededRandom(seed + 1)).build();
            byte[] out = client.start();
            for (int i = 0; i < step; i++) {
                out = ((ClientStep.Send) client.onMessage(server.onMessage(out).payload())).payload();
            }
            request = out;
        }
    }

    private static void onlyTypedExceptions(Runnable feed) {
        try {
            feed.run();
        } catch (KeyExchangeException expected) {
            // the only acceptable failure
        } catch (RuntimeException other) {
            fail("an untyped exception escaped: " + other, other);
        }
    }

    @Test
    void randomGarbageAtEveryClientStep() {
        Assertions.assertTimeoutPreemptively(LIMIT, () -> {
            SplittableRandom random = new SplittableRandom(1);
            for (int step = 0; step < 3; step++) {
                int rounds = step == 0 ? 200 : 20; // the later steps cost a DH exchange to rebuild
                for (int i = 0; i < rounds; i++) {
                    ClientAt at = new ClientAt(step, 100 + step);
                    byte[] garbage = garbage(random, at.answer);
                    onlyTypedExceptions(() -> at.client.onMessage(garbage));
                }
            }
        });
    }

    @Test
    void everyTruncationOfEveryServerAnswer() {
        Assertions.assertTimeoutPreemptively(LIMIT, () -> {
            for (int step = 0; step < 3; step++) {
                byte[] answer = new ClientAt(step, 200 + step).answer;
                int stride = step == 0 ? 1 : 13;
                for (int length = 0; length < answer.length; length += stride) {
                    byte[] truncated = Arrays.copyOf(answer, length);
                    ClientKeyExchange client = new ClientAt(step, 200 + step).client;
                    Assertions.assertThrows(KeyExchangeException.class, () -> client.onMessage(truncated),
                            "truncated to " + length);
                }
            }
        });
    }

    @Test
    void bitFlipsInEveryServerAnswer() {
        Assertions.assertTimeoutPreemptively(LIMIT, () -> {
            SplittableRandom random = new SplittableRandom(2);
            for (int step = 0; step < 3; step++) {
                byte[] answer = new ClientAt(step, 300 + step).answer;
                int flips = step == 0 ? answer.length * 8 : 60;
                for (int i = 0; i < flips; i++) {
                    int bit = step == 0 ? i : random.nextInt(answer.length * 8);
                    byte[] flipped = answer.clone();
                    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                    ClientKeyExchange client = new ClientAt(step, 300 + step).client;
                    onlyTypedExceptions(() -> client.onMessage(flipped));
                }
            }
        });
    }

    @Test
    void garbageTruncationsAndBitFlipsAtEveryServerStep() {
        Assertions.assertTimeoutPreemptively(LIMIT, () -> {
            SplittableRandom random = new SplittableRandom(3);
            for (int step = 0; step < 3; step++) {
                byte[] request = new ServerAt(step, 400 + step).request;
                int rounds = step == 0 ? 300 : 40;
                for (int i = 0; i < rounds; i++) {
                    byte[] hostile;
                    switch (i % 3) {
                        case 0:
                            hostile = garbage(random, request);
                            break;
                        case 1:
                            hostile = Arrays.copyOf(request, random.nextInt(request.length));
                            break;
                        default:
                            hostile = request.clone();
                            int bit = random.nextInt(request.length * 8);
                            hostile[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    ServerKeyExchange server = new ServerAt(step, 400 + step).server;
                    byte[] message = hostile;
                    onlyTypedExceptions(() -> server.onMessage(message));
                }
            }
        });
    }

    @Test
    void theUnmodifiedMessagesStillWork() {
        for (int step = 0; step < 3; step++) {
            ClientAt at = new ClientAt(step, 500 + step);
            assertThatCode(() -> at.client.onMessage(at.answer)).doesNotThrowAnyException();
            ServerAt server = new ServerAt(step, 600 + step);
            assertThatCode(() -> server.server.onMessage(server.request)).doesNotThrowAnyException();
        }
    }

    /** Random bytes: half of them behind a valid envelope around random TL-ish content. */
    private static byte[] garbage(SplittableRandom random, byte[] like) {
        Function<Integer, byte[]> bytes = n -> {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) random.nextInt(256);
            }
            return b;
        };
        if (random.nextBoolean()) {
            return bytes.apply(random.nextInt(like.length * 2 + 1));
        }
        byte[] body = bytes.apply(4 * (1 + random.nextInt(like.length / 4)));
        // keep the real constructor id half of the time, so the decoder goes past it
        if (random.nextBoolean()) {
            System.arraycopy(like, 20, body, 0, 4);
        }
        long messageId = Payloads.messageId(like);
        return new UnencryptedMessage(messageId, body).encode();
    }
}
