package dev.mtproto.testkit;

import dev.mtproto.MtprotoException;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.SecurityCheckException;
import dev.mtproto.keyexchange.ServerKeyExchange;
import dev.mtproto.keyexchange.ServerStep;
import dev.mtproto.session.OutboundPacket;
import dev.mtproto.transport.ByteSink;
import dev.mtproto.transport.FrameListener;
import dev.mtproto.transport.ServerTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to a {@link TestDc}: detects the transport, runs the key exchange for unencrypted
 * messages, decrypts encrypted ones, hands them to the client's {@link dev.mtproto.session.server.ServerSession}
 * and writes its answers back, applying the DC's {@link Faults} on the way: frame faults here, call faults
 * where the session runs a call.
 */
final class TestDcConnection implements FrameListener {
    private static final Logger LOG = LoggerFactory.getLogger(TestDcConnection.class);
    private static final int FRAMES_KEPT_FOR_REPLAY = 16;
    /** Larger frames (file parts) are not kept for replay: copying each would cost more than the rest of the write. */
    private static final int LARGEST_FRAME_KEPT_FOR_REPLAY = 64 * 1024;

    private final TestDc dc;
    private final Socket socket;
    private final ServerTransport transport;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ArrayDeque<byte[]> sentFrames = new ArrayDeque<>();
    private final ByteSink sink;
    private OutputStream out;
    private ServerKeyExchange keyExchange;
    private MessageCipher cipher;
    private long cipherKeyId;
    private byte[] plain = new byte[4096];
    private final RandomSource random = RandomSource.secure(); // per connection: the secure source is not thread-safe
    private volatile boolean closed;

    TestDcConnection(TestDc dc, Socket socket) {
        this.dc = dc;
        this.socket = socket;
        this.transport = ServerTransport.builder().random(random).build();
        this.sink = (b, off, len) -> {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    void run() {
        try (Socket s = socket) {
            InputStream in = s.getInputStream();
            out = s.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!closed) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                transport.decode(buffer, 0, n, this);
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away, or we closed the socket
        } catch (MtprotoException e) {
            LOG.debug("DC {}: dropping a connection: {}", dc.id(), e.getMessage());
        } finally {
            closed = true;
        }
    }

    void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void onFrame(byte[] buf, int off, int frameLength, boolean quickAckRequested) {
        if (closed) {
            return;
        }
        int len = transport.kind() == dev.mtproto.transport.TransportKind.PADDED_INTERMEDIATE
                ? dev.mtproto.transport.PaddedPackets.packetLength(buf, off, frameLength) : frameLength;
        if (Faults.takeOne(dc.faults().transportErrors)) {
            transportError(dc.faults().transportErrorCode);
            return;
        }
        if (len < 8) {
            dc.dropped();
            return;
        }
        long authKeyId = ByteBuffer.wrap(buf, off, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (authKeyId == 0) {
            keyExchange(Arrays.copyOfRange(buf, off, off + len));
            return;
        }
        DcKeys.KeyRecord key = dc.key(authKeyId);
        if (key == null) {
            transportError(-404);
            return;
        }
        if (cipher == null || cipherKeyId != authKeyId) {
            cipher = MessageCipher.forServer(key.key);
            cipherKeyId = authKeyId;
        }
        if (plain.length < len) {
            plain = new byte[Math.max(len, plain.length * 2)];
        }
        int n;
        try {
            n = cipher.decrypt(buf, off, len, plain, 0);
        } catch (SecurityCheckException e) {
            dc.dropped();
            return;
        }
        if (quickAckRequested) {
            quickAck(cipher.receivedQuickAckToken());
        }
        ByteBuffer header = ByteBuffer.wrap(plain, 0, n).order(ByteOrder.LITTLE_ENDIAN);
        long salt = header.getLong(0);
        long sessionId = header.getLong(8);
        long msgId = header.getLong(16);
        int seq = header.getInt(24);

        DcSession h = dc.session(key, sessionId);
        h.lock.lock();
        try {
            if (h.bound != this) {
                h.bound = this;
                h.session.onReconnect();
            }
            if (Faults.takeOne(dc.faults().badSalts)) {
                h.session.rotateSalt();
            }
            // connection faults act where the session would run a call: after every check it makes
            boolean read = h.session.receive(salt, msgId, seq, plain, 32, n - 32);
            if (!read || h.dropAfterPacket.getAndSet(false)) {
                close(); // the DC went away before reading a call, or after running it but before answering
                return;
            }
            flush(h);
        } finally {
            h.lock.unlock();
        }
    }

    /** Sends everything the session has queued; called with the session's lock held. */
    void flush(DcSession h) {
        if (closed || h.bound != this) {
            return;
        }
        OutboundPacket p;
        while ((p = h.session.nextPacket()) != null) {
            write(p.buffer(), p.length());
        }
    }

    private void write(byte[] frame, int length) {
        writeLock.lock();
        try {
            transport.encode(frame, 0, length, sink);
            if (Faults.takeOne(dc.faults().duplicateFrames)) {
                transport.encode(frame, 0, length, sink);
            }
            if (!sentFrames.isEmpty() && Faults.takeOne(dc.faults().replayFrames)) {
                byte[] old = sentFrames.peekFirst();
                transport.encode(old, 0, old.length, sink);
            }
            if (Faults.takeOne(dc.faults().garbageFrames)) {
                byte[] garbage = new byte[96 + 16 * (length % 8)];
                random.nextBytes(garbage, 0, garbage.length);
                transport.encode(garbage, 0, garbage.length, sink);
            }
            if (length <= LARGEST_FRAME_KEPT_FOR_REPLAY) {
                sentFrames.addLast(Arrays.copyOf(frame, length));
                if (sentFrames.size() > FRAMES_KEPT_FOR_REPLAY) {
                    sentFrames.removeFirst();
                }
            }
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            close();
        } finally {
            writeLock.unlock();
        }
    }

    /** Confirms receipt of a packet the client flagged, before it is processed, as Telegram does. */
    private void quickAck(int token) {
        writeLock.lock();
        try {
            transport.encodeQuickAck(token, sink);
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            close();
        } finally {
            writeLock.unlock();
        }
    }

    private void transportError(int code) {
        writeLock.lock();
        try {
            transport.encodeTransportError(code, sink);
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            // closing anyway
        } finally {
            writeLock.unlock();
        }
        close();
    }

    private void keyExchange(byte[] frame) {
        if (keyExchange == null) {
            int id = dc.id();
            keyExchange = ServerKeyExchange.builder(id, dc.rsaKeys())
                    .acceptedDcIds(id, -id, id + ServerKeyExchange.TEST_DC_OFFSET, -(id + ServerKeyExchange.TEST_DC_OFFSET))
                    .random(random)
                    .clock(dc.skewedClock())
                    .build();
        }
        ServerStep step;
        try {
            step = keyExchange.onMessage(frame);
        } catch (MtprotoException e) {
            LOG.debug("DC {}: key exchange failed: {}", dc.id(), e.getMessage());
            close();
            return;
        }
        if (step instanceof ServerStep.Done done) {
            dc.registerKey(done.result().authKey(), done.result().firstServerSalt(), isTestMode(done.result().clientDcId()),
                    done.result().lifetime());
            keyExchange = null;
        }
        byte[] payload = step.payload();
        if (payload != null && payload.length > 0) {
            write(payload, payload.length);
        }
        if (step instanceof ServerStep.Rejected) {
            close();
        }
    }

    /** @return whether the client named the DC with Telegram's test offset, as clients of test DCs do */
    private static boolean isTestMode(java.util.OptionalInt clientDcId) {
        return clientDcId.isPresent() && Math.abs(clientDcId.getAsInt()) > ServerKeyExchange.TEST_DC_OFFSET;
    }
}
