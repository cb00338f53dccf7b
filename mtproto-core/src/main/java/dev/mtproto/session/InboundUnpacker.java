package dev.mtproto.session;

import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.crypto.SecurityCheckException;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.BadServerSalt;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.MsgContainer;
import dev.mtproto.tl.mtproto.MsgCopy;
import dev.mtproto.tl.mtproto.Pong;
import dev.mtproto.tl.mtproto.RpcResult;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound side of a session: decrypts a frame, finds whose session it names, checks each msg_id
 * (parity, replay window, time window: an answer to one of our messages ahead of the window moves our idea
 * of the server's time ahead; other messages outside it are dropped) and opens containers, {@code gzip_packed} and {@code msg_copy},
 * handing each plain message to the {@link Inbox} of its session. A failed check drops the message and is
 * reported; nothing is thrown for bad input.
 */
final class InboundUnpacker {
    /** How deep messages may nest: a container's message (1), a msg_copy in it (2), one more copy (3). */
    private static final int MAX_MESSAGE_NESTING = 3;
    private static final Logger LOG = LoggerFactory.getLogger(InboundUnpacker.class);

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Where the messages of one session go. */
    interface Inbox {
        /** @return the session's replay window */
        ReceivedMessageIds window();

        /**
         * One message, containers, gzip and copies removed.
         *
         * @throws TlDecodeException if it is malformed
         */
        void message(long msgId, int seqNo, int constructorId, byte[] b, int off, int len);

        /** A content-related message arrived (also again, as a duplicate): it is owed an ack. */
        void contentRelated(long msgId);

        /** @return whether the id is a message or container this session sent and remembers */
        boolean isOurs(long msgId);

        /**
         * @return whether the id is a message (or a container holding one) this session sent, still waits
         *     on, and last sent after the latest correction of the clock (so an answer to it was made after
         *     that correction too)
         */
        boolean sentSinceClockCorrection(long msgId);
    }

    private final MessageCipher cipher;
    private final MessageIdClock clock;
    private final SessionEvents events;
    private int gzipLevels;
    private long authenticatedFrames;

    InboundUnpacker(MessageCipher cipher, MessageIdClock clock, SessionEvents events) {
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
    }

    /** @return how many frames decrypted and named a session of ours */
    long authenticatedFrames() {
        return authenticatedFrames;
    }

    /**
     * Processes one frame.
     *
     * @param inboxes the inbox of a session id of ours, null for any other
     */
    void onFrame(byte[] buf, int off, int len, LongFunction<Inbox> inboxes) {
        byte[] p = ScratchBuffers.ofThread().decrypted(len);
        int plainLength;
        try {
            plainLength = cipher.decrypt(buf, off, len, p, 0);
        } catch (SecurityCheckException e) {
            events.dropped(DropReason.SECURITY_CHECK, e.getMessage());
            return;
        }
        Inbox inbox = inboxes.apply((long) LONG.get(p, 8));
        if (inbox == null) {
            events.dropped(DropReason.WRONG_SESSION, "session id of the message is not ours");
            return;
        }
        authenticatedFrames++;
        long msgId = (long) LONG.get(p, 16);
        int seq = (int) INT.get(p, 24);
        int bodyLength = plainLength - MessageCipher.PLAINTEXT_HEADER_SIZE;
        if (accept(inbox, msgId, seq, p, MessageCipher.PLAINTEXT_HEADER_SIZE, bodyLength)) {
            handle(inbox, msgId, seq, p, MessageCipher.PLAINTEXT_HEADER_SIZE, bodyLength, 0);
        }
    }

    /**
     * Parity, replay and time-window checks of a server msg_id; reports and returns false on failure. The
     * replay check comes first, and the id is recorded only once accepted, so that a message dropped for its
     * time can still arrive again.
     */
    private boolean accept(Inbox inbox, long msgId, int seq, byte[] b, int bodyOff, int bodyLen) {
        int low = (int) (msgId & 3);
        if (low != 1 && low != 3) {
            events.dropped(DropReason.BAD_MESSAGE_ID, "server msg_id with low bits " + low);
            return false;
        }
        switch (inbox.window().check(msgId)) {
            case DUPLICATE -> {
                if ((seq & 1) != 0) {
                    inbox.contentRelated(msgId); // our ack may have been lost: repeat it
                }
                events.dropped(DropReason.DUPLICATE, "msg_id seen before");
                return false;
            }
            case TOO_OLD -> {
                events.dropped(DropReason.TOO_OLD, "msg_id older than the replay window");
                return false;
            }
            default -> {
            }
        }
        if (!clock.isWithinWindow(msgId)) {
            if (isAheadOfWindow(msgId) && holds(inbox, b, bodyOff, bodyLen, InboundUnpacker::answersUs)) {
                // the server's clock is ahead of what we thought, and this answers a message of ours: no replay
                // is newer than the server's time, so its msg_id is the server's time now
                long aheadSeconds = MessageIdClock.secondsOf(msgId) - clock.serverMillis() / 1000;
                clock.syncToServerMessageId(msgId);
                LOG.debug("an answer's msg_id is {} s ahead of our idea of the server's time: clock moved ahead", aheadSeconds);
            } else if (!holds(inbox, b, bodyOff, bodyLen, InboundUnpacker::isClockCorrection)) {
                // https://core.telegram.org/mtproto/security_guidelines: ignored, and nothing in it is used
                events.dropped(DropReason.OUTSIDE_TIME_WINDOW, "msg_id time differs from server time by more than the window");
                return false;
            }
        }
        inbox.window().accept(msgId, (seq & 1) != 0); // marked: content-related, so acknowledged by us
        return true;
    }

    private boolean isAheadOfWindow(long msgId) {
        return MessageIdClock.secondsOf(msgId) > clock.serverMillis() / 1000 + MessageIdClock.MAX_FUTURE_SECONDS;
    }

    /** A test of one message body of a frame. */
    @FunctionalInterface
    private interface BodyTest {
        boolean test(Inbox inbox, byte[] b, int off, int len);
    }

    /**
     * @return whether the body, or a message of the container it is, passes the test; false for a malformed
     *     container (this runs before the body is unpacked, and a frame from outside the time window that
     *     cannot even be read is dropped for its time)
     */
    private static boolean holds(Inbox inbox, byte[] b, int off, int len, BodyTest test) {
        if (!MessageContainers.isContainer(b, off, len)) {
            return test.test(inbox, b, off, len);
        }
        boolean[] found = {false};
        try {
            MessageContainers.forEach(b, off, len, (innerId, innerSeq, buf, at, bytes) -> {
                found[0] = test.test(inbox, buf, at, bytes);
                return !found[0];
            });
        } catch (TlDecodeException malformed) {
            return false;
        }
        return found[0];
    }

    /**
     * @return whether the body is {@code bad_msg_notification} 16/17 about a message we sent: the one kind of
     *     message from outside the time window, either side, that is accepted, since it is how the server
     *     corrects our clock, and naming our own msg_id shows it answers us
     */
    private static boolean isClockCorrection(Inbox inbox, byte[] b, int off, int len) {
        if (len < 20 || (int) INT.get(b, off) != BadMsgNotification.CONSTRUCTOR_ID) {
            return false;
        }
        int code = (int) INT.get(b, off + 16);
        return (code == 16 || code == 17) && inbox.isOurs((long) LONG.get(b, off + 4));
    }

    /**
     * @return whether the body answers a message we still wait on and sent after the latest correction of
     *     our clock, naming it first ({@code rpc_result}, {@code pong}, {@code bad_msg_notification},
     *     {@code bad_server_salt}): one ahead of the time window moves the clock ahead. Unsolicited messages
     *     do not, and neither do answers to messages sent before a correction: made before the server's
     *     clock went back, they would pull ours forward again
     */
    private static boolean answersUs(Inbox inbox, byte[] b, int off, int len) {
        if (len < 12) {
            return false;
        }
        int id = (int) INT.get(b, off);
        boolean namesFirst = id == RpcResult.CONSTRUCTOR_ID || id == Pong.CONSTRUCTOR_ID || id == BadMsgNotification.CONSTRUCTOR_ID
                || id == BadServerSalt.CONSTRUCTOR_ID;
        return namesFirst && inbox.sentSinceClockCorrection((long) LONG.get(b, off + 4));
    }

    private void handle(Inbox inbox, long msgId, int seq, byte[] b, int off, int len, int depth) {
        try {
            dispatch(inbox, msgId, seq, b, off, len, depth);
        } catch (TlDecodeException e) {
            events.dropped(DropReason.MALFORMED, e.getMessage());
        }
        if ((seq & 1) != 0) {
            inbox.contentRelated(msgId); // even when it could not be processed: resending will not fix it
        }
    }

    private void dispatch(Inbox inbox, long msgId, int seq, byte[] b, int off, int len, int depth) {
        if (len < 4) {
            throw new TlDecodeException(0, "message body of " + len + " bytes");
        }
        int id = (int) INT.get(b, off);
        switch (id) {
            case MsgContainer.CONSTRUCTOR_ID -> container(inbox, msgId, b, off, len, depth);
            case GzipPacked.CONSTRUCTOR_ID -> {
                if (gzipLevels >= RpcAnswer.MAX_GZIP_NESTING) {
                    throw new TlDecodeException(0, "gzip_packed nested deeper than " + RpcAnswer.MAX_GZIP_NESTING + " levels");
                }
                byte[] inner = GzipCodecPool.gunzip(new TlReader(b, off + 4, len - 4).readBytes());
                gzipLevels++;
                try {
                    dispatch(inbox, msgId, seq, inner, 0, inner.length, depth);
                } finally {
                    gzipLevels--;
                }
            }
            case MsgCopy.CONSTRUCTOR_ID -> copy(inbox, b, off, len, depth);
            default -> inbox.message(msgId, seq, id, b, off, len);
        }
    }

    private void container(Inbox inbox, long containerId, byte[] b, int off, int len, int depth) {
        if (depth > 0) {
            throw new TlDecodeException(0, "msg_container inside another message");
        }
        boolean[] older = {true};
        MessageContainers.forEach(b, off, len, (innerId, innerSeq, buf, at, bytes) -> {
            older[0] = innerId < containerId;
            return older[0];
        });
        if (!older[0]) { // refused whole: none of its messages is used
            events.dropped(DropReason.BAD_MESSAGE_ID, "a message in a container has a msg_id above the container's");
            return;
        }
        MessageContainers.forEach(b, off, len, (innerId, innerSeq, buf, at, bytes) -> {
            if (accept(inbox, innerId, innerSeq, buf, at, bytes)) {
                handle(inbox, innerId, innerSeq, buf, at, bytes, 1);
            }
            return true;
        });
    }

    /** {@code msg_copy}: the copied message is processed unless its msg_id was seen. */
    private void copy(Inbox inbox, byte[] b, int off, int len, int depth) {
        if (depth + 1 >= MAX_MESSAGE_NESTING) {
            throw new TlDecodeException(0, "msg_copy nested deeper than " + MAX_MESSAGE_NESTING + " levels");
        }
        TlReader r = new TlReader(b, off + 4, len - 4);
        r.readInt(); // orig_message:Message is boxed: message msg_id seqno bytes body
        long copiedId = r.readLong();
        int copiedSeq = r.readInt();
        int bytes = r.readInt();
        int at = off + 4 + r.position();
        if (bytes < 0 || bytes > r.remaining()) {
            throw new TlDecodeException(r.position(), "msg_copy body of " + bytes + " bytes does not fit");
        }
        if (inbox.window().accept(copiedId, (copiedSeq & 1) != 0) == ReceivedMessageIds.Verdict.NEW) {
            handle(inbox, copiedId, copiedSeq, b, at, bytes, depth + 1);
        }
    }
}
