package dev.mtproto.session.server;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.GzipCodec;
import dev.mtproto.session.MessageContainers;
import dev.mtproto.session.ReceivedMessageIds;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.BadServerSalt;
import dev.mtproto.tl.mtproto.GzipPacked;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the client messages of a server session: checks each one ({@link InboundChecks}) and answers a
 * failure with its notification, opens containers and {@code gzip_packed}, records what it accepts in the
 * replay window and the seqno order, and hands the rest to the service messages or the call runner.
 * Not thread-safe.
 */
final class InboundMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final ServerSession session;
    private final InboundChecks checks;
    private final ServerSaltSchedule salts;
    private final OutboundQueue queue;
    private final Answers answers;
    private final ServiceMessages services;
    private final CallRunner calls;
    private final GzipCodec gzip;
    private final ReceivedMessageIds received;
    private final SeqNoOrder seqNoOrder = new SeqNoOrder();
    private boolean announced;

    InboundMessages(ServerSession session, InboundChecks checks, ServerSaltSchedule salts, OutboundQueue queue, Answers answers,
            ServiceMessages services, CallRunner calls, GzipCodec gzip, ReceivedMessageIds received) {
        this.session = session;
        this.received = received;
        this.checks = checks;
        this.salts = salts;
        this.queue = queue;
        this.answers = answers;
        this.services = services;
        this.calls = calls;
        this.gzip = gzip;
    }

    /** See {@link ServerSession#receive}; {@code now} is the DC's time in seconds. */
    boolean receive(long messageSalt, long msgId, int seq, byte[] body, int off, int len, long now) {
        // the time first: salts are valid by time, so a client whose clock is off picks salts the DC does not
        // take yet (or any more), and bad_server_salt would never tell it that its clock is what is wrong
        int code = InboundChecks.messageId(msgId, now);
        if (code != 0) {
            badMessage(msgId, seq, code);
            return true;
        }
        if (!salts.accepts(messageSalt, now)) {
            LOG.debug("{}: bad_server_salt for msg_id {}", session, msgId);
            queue.add(OutboundMessage.service(new BadServerSalt(msgId, seq, 48, salts.current(now)).toByteArray(), false));
            return true;
        }
        if (MessageContainers.isContainer(body, off, len)) {
            return container(msgId, seq, body, off, len, now);
        }
        return message(msgId, seq, body, off, len);
    }

    /** A container is accepted or refused as a whole (64); then each message in it is checked on its own. */
    private boolean container(long msgId, int seq, byte[] body, int off, int len, long now) {
        int code = checks.containerSeqNo(msgId, seq);
        if (code == 0) {
            code = replayCode(received.accept(msgId), 19);
        }
        if (code != 0) {
            badMessage(msgId, seq, code);
            return true;
        }
        boolean[] valid = {true};
        MessageContainers.forEach(body, off, len, (innerId, innerSeq, b, at, bytes) -> {
            valid[0] = innerId < msgId;
            return valid[0];
        });
        if (!valid[0]) { // the container is refused as a whole: none of its messages runs
            badMessage(msgId, 0, 64);
            return true;
        }
        boolean[] read = {true};
        MessageContainers.forEach(body, off, len, (innerId, innerSeq, b, at, bytes) -> {
            int innerCode = InboundChecks.messageId(innerId, now);
            if (innerCode != 0) {
                badMessage(innerId, innerSeq, innerCode);
            } else {
                read[0] = message(innerId, innerSeq, b, at, bytes);
            }
            return read[0];
        });
        return read[0];
    }

    /** @return 0 for a new id; for a seen one {@code duplicateCode}; 20 for one older than the window */
    private static int replayCode(ReceivedMessageIds.Verdict verdict, int duplicateCode) {
        return switch (verdict) {
            case NEW -> 0;
            case DUPLICATE -> duplicateCode;
            case TOO_OLD -> 20;
        };
    }

    private void badMessage(long msgId, int seq, int code) {
        LOG.debug("{}: bad_msg_notification {} for msg_id {} seqno {}", session, code, msgId, seq);
        queue.add(OutboundMessage.service(new BadMsgNotification(msgId, seq, code).toByteArray(), false));
    }

    private boolean message(long msgId, int seq, byte[] b, int off, int len) {
        if (len < 4) {
            throw new TlDecodeException(0, "message body of " + len + " bytes");
        }
        if (!announced) { // first_msg_id is the first message's id: inside a container, the first inner one
            announced = true;
            services.began(msgId);
            session.announceNewSession(msgId);
        }
        if (MessageContainers.isContainer(b, off, len)) { // containers may not nest (/mtproto/service_messages#containers)
            badMessage(msgId, seq, 64);
            return true;
        }
        int id = (int) INT.get(b, off);
        int code = checks.seqNoParity(msgId, id, seq);
        ReceivedMessageIds.Verdict verdict = received.check(msgId);
        if (code == 0 && verdict == ReceivedMessageIds.Verdict.DUPLICATE) {
            answers.resend(msgId); // the same answer again, never a second execution
            return true;
        }
        if (code == 0) {
            code = verdict == ReceivedMessageIds.Verdict.TOO_OLD ? 20 : checks.seqNoOrder(seqNoOrder, msgId, seq);
        }
        if (code != 0) {
            badMessage(msgId, seq, code);
            return true;
        }
        Runnable accept = () -> {
            received.accept(msgId);
            seqNoOrder.record(msgId, seq);
        };
        if (ServiceMessages.handles(id)) {
            accept.run();
            services.onMessage(msgId, id, new TlReader(b, off + 4, len - 4));
            return true;
        }
        TlObject object;
        try {
            if (id == GzipPacked.CONSTRUCTOR_ID) {
                byte[] inflated = gzip.gunzip(new TlReader(b, off + 4, len - 4).readBytes());
                object = session.layerCodec().readCall(inflated, 0, inflated.length, calls.layer());
            } else {
                object = session.layerCodec().readCall(b, off, len, calls.layer());
            }
        } catch (RpcException e) { // the client's layer has a call ours does not
            accept.run();
            answers.sendError(msgId, e.code(), e.errorMessage());
            return true;
        }
        if (services.answer(msgId, object)) {
            accept.run();
            return true;
        }
        return calls.run(msgId, object, accept);
    }

}
