package dev.mtproto.client;

import dev.mtproto.client.net.DialedConnection;
import dev.mtproto.client.net.IoLoop;
import dev.mtproto.transport.ClientTransport;
import dev.mtproto.transport.FrameListener;
import dev.mtproto.transport.PaddedPackets;
import dev.mtproto.transport.TransportKind;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open TCP connection to a DC, served by an {@link IoLoop}: it reads whatever arrives, runs it through
 * the transport and hands each frame to its {@link Owner}; it writes the transport's preamble and then what
 * the owner puts in its {@link OutboundBuffer}. Until {@link #enterSessionMode()} frames are the key
 * exchange's plain messages; after it, encrypted session messages.
 *
 * <p>Everything but {@link #requestFlush}, {@link #send}, {@link #close}, {@link #pauseReading} and
 * {@link #resumeReading} runs on the loop thread.
 */
final class SocketLink implements IoLoop.IoHandler, FrameListener {
    /** Reads per readiness before the loop serves other connections. */
    private static final int READS_PER_TURN = 8;

    /** What a link reports to the connection that owns it; every method is called on the loop thread. */
    interface Owner {
        /** A key-exchange message arrived (a copy the owner may keep). */
        void plainFrame(SocketLink link, byte[] frame);

        /** An encrypted session message arrived; valid during the call only. */
        void sessionFrame(SocketLink link, byte[] buf, int off, int len);

        /** A quick-ack token arrived. */
        void quickAck(SocketLink link, int token);

        /** A read's frames were all handed over: a good moment to deliver what they produced. */
        void readDone(SocketLink link, int bytes);

        /** The link may write: put packets in {@code out} (via {@link SocketLink#encode}) while it is below the limit. */
        void fill(SocketLink link, OutboundBuffer out);

        /** Bytes went out. */
        void wrote(SocketLink link, int bytes);

        /** The link closed; {@code cause} is null when it was closed on purpose. Called once. */
        void closed(SocketLink link, Throwable cause);
    }

    private final ConnectionId id;
    private final IoLoop loop;
    private final SocketChannel channel;
    private final String route;
    private final ClientTransport transport;
    private final Owner owner;
    private final OutboundBuffer out = new OutboundBuffer();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Runnable flushTask = this::flushNow;
    private SelectionKey key;
    private boolean sessionMode;
    private boolean readingPaused;
    private volatile boolean closed;

    SocketLink(ConnectionId id, IoLoop loop, DialedConnection dialed, ClientTransport transport, Owner owner) {
        this.id = id;
        this.loop = loop;
        this.channel = dialed.channel();
        this.route = dialed.route();
        this.transport = transport;
        this.owner = owner;
    }

    ConnectionId id() {
        return id;
    }

    String route() {
        return route;
    }

    ClientTransport transport() {
        return transport;
    }

    IoLoop loop() {
        return loop;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Registers with the loop and writes the transport's preamble; from any thread.
     *
     * @throws IOException if the channel cannot be made non-blocking
     */
    void open() throws IOException {
        channel.configureBlocking(false);
        loop.execute(() -> {
            try {
                key = loop.register(channel, SelectionKey.OP_READ, this);
                byte[] preamble = transport.connectionPreamble();
                out.write(preamble, 0, preamble.length);
                flushNow();
            } catch (IOException | RuntimeException e) {
                closeNow(e);
            }
        });
    }

    /** From now on frames are encrypted session messages; call on the loop thread. */
    void enterSessionMode() {
        sessionMode = true;
    }

    /**
     * Frames one packet into the outbound buffer; call on the loop thread, from {@link Owner#fill}.
     *
     * @param packet the array holding the packet
     * @param length its length
     * @param quickAck whether to ask for a quick ack
     */
    void encode(byte[] packet, int length, boolean quickAck) {
        transport.encode(packet, 0, length, quickAck, out);
    }

    /** @return whether this link's transport has quick acks (the full transport has none) */
    boolean hasQuickAcks() {
        return transport.kind() != TransportKind.FULL;
    }

    /**
     * Sends one unencrypted key-exchange message; from any thread.
     *
     * @param payload the message
     */
    void send(byte[] payload) {
        byte[] copy = payload.clone();
        runOnLoop(() -> {
            transport.encode(copy, 0, copy.length, false, out);
            flushNow();
        });
    }

    /** Asks the loop to let the owner fill and write; cheap to call often from any thread. */
    void requestFlush() {
        if (!closed && flushScheduled.compareAndSet(false, true)) {
            runOnLoop(flushTask);
        }
    }

    /** Stops reading (the application is behind); from any thread. */
    void pauseReading() {
        runOnLoop(() -> setReading(false));
    }

    /** Reads again; from any thread. */
    void resumeReading() {
        runOnLoop(() -> setReading(true));
    }

    private void setReading(boolean on) {
        readingPaused = !on;
        updateInterest();
    }

    /**
     * Closes the connection; from any thread, any number of times. The owner hears of it once.
     *
     * @param cause why, or {@code null} for an orderly close
     */
    void close(Throwable cause) {
        if (loop.inLoop()) {
            closeNow(cause);
        } else {
            runOnLoop(() -> closeNow(cause));
        }
    }

    private void runOnLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            closeNow(e); // the loop is gone: nothing will ever run for this link again
        }
    }

    // ------------------------------------------------------------------ the loop side

    @Override
    public void ready(SelectionKey k) throws IOException {
        if (k.isReadable()) {
            read();
        }
        if (!closed && k.isValid() && k.isWritable()) {
            flushNow();
        }
    }

    @Override
    public void failed(Throwable error) {
        closeNow(error);
    }

    private void read() throws IOException {
        byte[] buf = loop.readBuffer();
        ByteBuffer view = ByteBuffer.wrap(buf);
        int total = 0;
        for (int i = 0; i < READS_PER_TURN && !closed && !readingPaused; i++) {
            view.clear();
            int n = channel.read(view);
            if (n < 0) {
                throw new EOFException("the DC closed the connection (" + route + ")");
            }
            if (n == 0) {
                break;
            }
            total += n;
            transport.decode(buf, 0, n, this);
            if (n < buf.length) {
                break;
            }
        }
        if (total > 0 && !closed) {
            owner.readDone(this, total);
        }
    }

    @Override
    public void onFrame(byte[] buf, int off, int len, boolean quickAckRequested) {
        int packet = transport.kind() == TransportKind.PADDED_INTERMEDIATE ? PaddedPackets.packetLength(buf, off, len) : len;
        if (sessionMode) {
            owner.sessionFrame(this, buf, off, packet);
        } else {
            owner.plainFrame(this, Arrays.copyOfRange(buf, off, off + packet));
        }
    }

    @Override
    public void onQuickAck(int token) {
        owner.quickAck(this, token);
    }

    private void flushNow() {
        flushScheduled.set(false);
        if (closed) {
            return;
        }
        try {
            if (sessionMode) {
                owner.fill(this, out);
            }
            int n = out.writeTo(channel);
            if (n > 0) {
                owner.wrote(this, n);
            }
            updateInterest();
        } catch (IOException | RuntimeException e) {
            closeNow(e);
        }
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = (readingPaused ? 0 : SelectionKey.OP_READ) | (out.pending() > 0 ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    private void closeNow(Throwable cause) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        out.clear();
        owner.closed(this, cause);
    }

    @Override
    public String toString() {
        return "SocketLink{" + id + ", " + route + "}";
    }
}
