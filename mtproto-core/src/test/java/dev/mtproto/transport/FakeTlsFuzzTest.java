package dev.mtproto.transport;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mtproto.fuzz.AllocationBudget;
import dev.mtproto.fuzz.SeededRandom;
import java.time.Duration;
import java.util.Arrays;

/**
 * FakeTLS (the {@code ee} MTProxy secrets of https://core.telegram.org/mtproto/mtproto-transports), both
 * sides: the client reading a proxy's reply (ServerHello, change_cipher_spec, application data) and then
 * its records; the proxy checking a ClientHello ({@link FakeTlsServerHandshake#verify}) and then the
 * client's records. The fuzzer writes the bytes, or edits a real hello or reply; the harness can sign
 * what the fuzzer wrote with the secret (the HMAC of the random field, and the time in it), so that edits
 * get past the HMAC check into the parsing behind it. Reads never exceed what the handshake wants, as
 * the dialers read. In this package because the HMAC helper is package-private.
 *
 * <p>Allowed out: {@link FakeTlsException}. A record layer passes on no more bytes than it was given,
 * and once it has failed it keeps failing; nothing allocates more than the bytes received justify beyond
 * a fixed allowance (three reply records of the largest size among it).
 */
class FakeTlsFuzzTest {
    private static final long NOW = 1_767_225_600L;
    private static final Duration WINDOW = Duration.ofMinutes(2);
    private static final MtproxySecret SECRET = MtproxySecret.fromHex("ee" + "0123456789abcdef".repeat(2) + "6578616d706c652e6f7267");
    private static final FakeTlsClientHello HELLO =
            FakeTlsClientHello.build(SECRET, NOW, new byte[FakeTlsClientHello.FIELD_LENGTH], new byte[FakeTlsClientHello.FIELD_LENGTH]);
    private static final byte[] REPLY = FakeTlsServerHandshake.reply(SECRET,
            FakeTlsServerHandshake.verify(SECRET, HELLO.bytes(), NOW, WINDOW), new SeededRandom(4));
    private static final AllocationBudget BUDGET = new AllocationBudget(16, 256 << 10);

    @FuzzTest(maxDuration = "10s")
    void handshakesAndRecords(FuzzedDataProvider data) {
        boolean clientSide = data.consumeBoolean();
        boolean edit = data.consumeBoolean();
        boolean sign = data.consumeBoolean();
        int timeOffset = data.consumeInt(-300, 300);
        byte[] reads = data.consumeBytes(8);
        byte[] edits = edit ? data.consumeBytes(24) : new byte[0];
        byte[] rest = data.consumeRemainingAsBytes();
        BUDGET.run(rest.length + edits.length, () -> {
            byte[] stream = edit ? concat(edited(clientSide ? REPLY : HELLO.bytes(), edits), rest) : rest;
            if (clientSide) {
                if (sign) {
                    signReply(stream);
                }
                readAsClient(stream, reads);
            } else {
                readAsServer(stream, sign, NOW + timeOffset, reads);
            }
        });
    }

    /** Reads the ClientHello as the proxy does (5 bytes, then the length they give), then the records after it. */
    private static void readAsServer(byte[] stream, boolean sign, long clientTime, byte[] reads) {
        if (stream.length < FakeTlsServerHandshake.RECORD_HEADER) {
            return;
        }
        byte[] record;
        try {
            int length = FakeTlsServerHandshake.recordLength(Arrays.copyOf(stream, FakeTlsServerHandshake.RECORD_HEADER));
            if (length > stream.length) {
                return;
            }
            record = Arrays.copyOf(stream, length);
            if (sign) {
                signHello(record, clientTime);
            }
            FakeTlsServerHandshake.verify(SECRET, record, NOW, WINDOW);
        } catch (FakeTlsException expected) {
            return;
        }
        records(FakeTlsRecordLayer.server(), Arrays.copyOfRange(stream, record.length, stream.length), reads);
    }

    private static void readAsClient(byte[] stream, byte[] reads) {
        FakeTlsClientHandshake handshake = FakeTlsClientHandshake.start(SECRET, HELLO);
        int at = 0;
        int read = 0;
        try {
            while (!handshake.done() && at < stream.length) {
                int size = reads.length == 0 ? Integer.MAX_VALUE : 1 + (reads[read++ % reads.length] & 0xff);
                int n = Math.min(Math.min(size, handshake.wanted()), stream.length - at);
                handshake.receive(stream, at, n);
                at += n;
            }
        } catch (FakeTlsException expected) {
            return;
        }
        if (handshake.done()) {
            records(FakeTlsRecordLayer.client(), Arrays.copyOfRange(stream, at, stream.length), reads);
        }
    }

    /** Feeds records to a layer in the fuzzer's chunk sizes; checks what comes out and that a failure stays. */
    private static void records(FakeTlsRecordLayer layer, byte[] in, byte[] reads) {
        long[] out = {0};
        int at = 0;
        int read = 0;
        try {
            while (at < in.length) {
                int n = Math.min(reads.length == 0 ? in.length : 1 + (reads[read++ % reads.length] & 0xff), in.length - at);
                layer.inbound(in, at, n, (b, off, len) -> out[0] += len);
                at += n;
            }
        } catch (FakeTlsException expected) {
            try {
                layer.inbound(new byte[] {0x17, 3, 3, 0, 1, 0}, 0, 6, (b, off, len) -> { });
            } catch (FakeTlsException again) {
                return;
            }
            throw new AssertionError("a failed record layer took more bytes");
        }
        if (out[0] > in.length) {
            throw new AssertionError(out[0] + " payload bytes out of " + in.length + " bytes in");
        }
    }

    /** Overwrites bytes of {@code base}: each pair of edit bytes is (position in 256ths of the length, value). */
    private static byte[] edited(byte[] base, byte[] edits) {
        byte[] b = base.clone();
        for (int i = 0; i + 1 < edits.length; i += 2) {
            b[(edits[i] & 0xff) * b.length / 256] = edits[i + 1];
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Signs a ClientHello as a client holding the secret would: HMAC in the random, the time XORed into its end. */
    private static void signHello(byte[] record, long time) {
        if (record.length < FakeTlsHmac.RANDOM_OFFSET + FakeTlsHmac.RANDOM_LENGTH) {
            return;
        }
        byte[] mac = FakeTlsHmac.overZeroedRandom(SECRET.key(), new byte[0], record);
        for (int i = 0; i < 4; i++) {
            mac[28 + i] ^= (byte) (time >>> (8 * i));
        }
        System.arraycopy(mac, 0, record, FakeTlsHmac.RANDOM_OFFSET, FakeTlsHmac.RANDOM_LENGTH);
    }

    /** Signs a proxy's reply if its first three record headers fit in the stream: HMAC over the client random and them. */
    private static void signReply(byte[] stream) {
        int end = 0;
        for (int record = 0; record < 3; record++) {
            if (end + 5 > stream.length) {
                return;
            }
            end += 5 + (((stream[end + 3] & 0xff) << 8) | (stream[end + 4] & 0xff));
        }
        if (end > stream.length || end < FakeTlsHmac.RANDOM_OFFSET + FakeTlsHmac.RANDOM_LENGTH) {
            return;
        }
        byte[] mac = FakeTlsHmac.overZeroedRandom(SECRET.key(), HELLO.clientRandom(), Arrays.copyOf(stream, end));
        System.arraycopy(mac, 0, stream, FakeTlsHmac.RANDOM_OFFSET, FakeTlsHmac.RANDOM_LENGTH);
    }
}
