package dev.mtproto.session;

import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.mtproto.MsgContainer;

/**
 * Reads and writes {@code msg_container} bodies: {@code 0x73f1f8dc count (msg_id seqno bytes body)*},
 * without building objects for the inner messages.
 */
public final class MessageContainers {
    private static final int INNER_HEADER = 16;

    private MessageContainers() {
    }

    /** Receives the inner messages of a container. */
    @FunctionalInterface
    public interface InnerMessage {
        /**
         * @param msgId the inner message's id
         * @param seqNo its seqno
         * @param buf the buffer holding its body
         * @param off where the body starts
         * @param len the body's length
         * @return whether to go on with the next inner message
         */
        boolean accept(long msgId, int seqNo, byte[] buf, int off, int len);
    }

    /**
     * @param buf a buffer
     * @param off where a message body starts
     * @param len its length
     * @return whether the body is a {@code msg_container}
     */
    public static boolean isContainer(byte[] buf, int off, int len) {
        return len >= 4 && new TlReader(buf, off, len).peekInt() == MsgContainer.CONSTRUCTOR_ID;
    }

    /**
     * Walks the inner messages of a container.
     *
     * @param buf the buffer
     * @param off where the container body starts (at its constructor id)
     * @param len the body's length
     * @param each receives each inner message, in order, until it returns false
     * @throws TlDecodeException if the count or an inner length does not fit, or a length is not a multiple of 4
     */
    public static void forEach(byte[] buf, int off, int len, InnerMessage each) {
        TlReader r = new TlReader(buf, off + 4, len - 4);
        int count = r.readInt();
        if (count < 0 || count > r.remaining() / INNER_HEADER) {
            throw new TlDecodeException(0, "msg_container count " + count + " does not fit");
        }
        for (int i = 0; i < count; i++) {
            long msgId = r.readLong();
            int seqNo = r.readInt();
            int bytes = r.readInt();
            if (bytes < 0 || (bytes & 3) != 0 || bytes > r.remaining()) {
                throw new TlDecodeException(r.position(), "inner message of " + bytes + " bytes does not fit");
            }
            int at = off + 4 + r.position();
            r.skip(bytes);
            if (!each.accept(msgId, seqNo, buf, at, bytes)) {
                return;
            }
        }
    }

    /**
     * Writes one message: {@code msg_id seqno bytes body} (a top-level message after salt and session id,
     * or an inner message of a container).
     *
     * @param w the writer
     * @param msgId the id
     * @param seqNo the seqno
     * @param body the serialized body
     */
    public static void writeMessage(TlWriter w, long msgId, int seqNo, byte[] body) {
        w.writeLong(msgId);
        w.writeInt(seqNo);
        w.writeInt(body.length);
        w.writeRaw(body);
    }

    /**
     * Writes the start of a container message: its id, seqno, a length to fill in, the constructor id and
     * the count. Write the inner messages with {@link #writeMessage}, then call {@link #end}.
     *
     * @param w the writer
     * @param containerId the container's msg_id (greater than every inner message's)
     * @param seqNo the container's seqno (even)
     * @param count how many messages follow
     * @return the position of the length, for {@link #end}
     */
    public static int begin(TlWriter w, long containerId, int seqNo, int count) {
        w.writeLong(containerId);
        w.writeInt(seqNo);
        int lengthAt = w.size();
        w.writeInt(0);
        w.writeInt(MsgContainer.CONSTRUCTOR_ID);
        w.writeInt(count);
        return lengthAt;
    }

    /**
     * Fills in the container's length once its messages are written.
     *
     * @param w the writer
     * @param lengthAt what {@link #begin} returned
     */
    public static void end(TlWriter w, int lengthAt) {
        w.setInt(lengthAt, w.size() - lengthAt - 4);
    }
}
