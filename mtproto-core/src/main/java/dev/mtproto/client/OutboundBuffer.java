package dev.mtproto.client;

import dev.mtproto.transport.ByteSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * Wire bytes waiting to be written to a non-blocking socket: the transport encodes into it, the I/O loop
 * writes out of it as the socket accepts. It grows as needed and keeps its capacity between writes, so a
 * steady connection allocates nothing; past {@link #KEEP_AT_MOST} (room for one file part's packet) it
 * gives the memory back once drained. Not thread-safe (the connection's I/O loop owns it).
 */
final class OutboundBuffer implements ByteSink {
    private static final int INITIAL = 512;
    private static final int KEEP_AT_MOST = (1 << 20) + 64 * 1024;

    private byte[] buf = new byte[INITIAL];
    private int start;
    private int end;

    @Override
    public void write(byte[] b, int off, int len) {
        if (end + len > buf.length) {
            makeRoom(len);
        }
        System.arraycopy(b, off, buf, end, len);
        end += len;
    }

    private void makeRoom(int len) {
        int pending = end - start;
        if (pending + len <= buf.length && start > 0) {
            System.arraycopy(buf, start, buf, 0, pending);
        } else {
            byte[] bigger = new byte[Math.max(pending + len, buf.length * 2)];
            System.arraycopy(buf, start, bigger, 0, pending);
            buf = bigger;
        }
        start = 0;
        end = pending;
    }

    /** @return how many bytes wait to be written */
    int pending() {
        return end - start;
    }

    /**
     * Writes as much as the channel takes now.
     *
     * @param channel a non-blocking channel
     * @return how many bytes were written
     * @throws IOException if writing failed
     */
    int writeTo(WritableByteChannel channel) throws IOException {
        int written = 0;
        while (start < end) {
            int n = channel.write(ByteBuffer.wrap(buf, start, end - start));
            if (n <= 0) {
                break;
            }
            start += n;
            written += n;
        }
        if (start == end) {
            start = 0;
            end = 0;
            if (buf.length > KEEP_AT_MOST) {
                buf = new byte[INITIAL]; // a burst is over: give its memory back
            }
        }
        return written;
    }

    /** Forgets what was not written and the memory it took (the connection is gone). */
    void clear() {
        Arrays.fill(buf, start, end, (byte) 0);
        buf = new byte[INITIAL];
        start = 0;
        end = 0;
    }
}
