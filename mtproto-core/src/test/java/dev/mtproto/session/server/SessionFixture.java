package dev.mtproto.session.server;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.session.MessageContainers;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.RpcResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One server session and a client's side of it, in memory: messages go in exactly as given, and what the
 * server sends comes out decrypted. Its handler counts executions and answers {@code nearestDc}, or the
 * result scripted with {@link #nextResult}.
 */
final class SessionFixture {
    static final long SALT = 42;
    static final NearestDc NEAREST = new NearestDc("XX", 1, 1);

    final AtomicInteger executions = new AtomicInteger();
    final AtomicReference<Object> nextResult = new AtomicReference<>();
    final MessageIdClock clientClock = MessageIdClock.system();
    final AuthKey key;
    final ServerSession server;
    /** The msg_id of every message the server sent, containers' inner messages included. */
    final List<Long> serverIds = new ArrayList<>();
    private int seq;

    SessionFixture(ServerSessionSettings settings) {
        byte[] k = new byte[256];
        RandomSource.secure().nextBytes(k, 0, k.length);
        key = AuthKey.of(k);
        server = new ServerSession(key, 7, SALT, MessageIdClock.system(), RandomSource.secure(), call -> {
            executions.incrementAndGet();
            Object scripted = nextResult.getAndSet(null);
            return scripted != null ? scripted : NEAREST;
        }, settings);
    }

    /** @return {@code help.getNearestDc} wrapped as a first call is */
    static TlObject call() {
        return new InvokeWithLayer<>(223, InitConnection.<NearestDcType>builder().apiId(1)
                .deviceModel("d").systemVersion("s").appVersion("a").systemLangCode("en").langPack("").langCode("en")
                .query(GetNearestDc.INSTANCE).build());
    }

    long nextId() {
        return clientClock.nextClientId();
    }

    /** @return the next odd (content-related) seqno */
    int nextSeq() {
        return seq++ * 2 + 1;
    }

    /** @return the current even seqno */
    int evenSeq() {
        return seq * 2;
    }

    boolean send(long msgId, int seqNo, TlObject body) {
        byte[] b = body.toByteArray();
        return server.receive(SALT, msgId, seqNo, b, 0, b.length);
    }

    /** Sends a content-related message with a fresh id; @return that id */
    long send(TlObject body) {
        long id = nextId();
        send(id, nextSeq(), body);
        return id;
    }

    boolean sendContainer(long containerId, long[] ids, TlObject[] bodies) {
        TlWriter w = new TlWriter();
        int at = MessageContainers.begin(w, containerId, 0, ids.length);
        for (int i = 0; i < ids.length; i++) {
            MessageContainers.writeMessage(w, ids[i], nextSeq(), bodies[i].toByteArray());
        }
        MessageContainers.end(w, at);
        byte[] all = w.toByteArray();
        return server.receive(SALT, containerId, 0, all, 16, all.length - 16);
    }

    /** @return the messages the server has queued, draining it */
    List<ServerReplies.Message> messages() {
        List<ServerReplies.Message> messages = ServerReplies.drain(server, key);
        messages.forEach(m -> serverIds.add(m.msgId()));
        return messages;
    }

    /** @return the bodies the server has queued, draining it */
    List<TlObject> replies() {
        return messages().stream().map(ServerReplies.Message::body).toList();
    }

    /** @return only the rpc_results among the replies (a first message also gets new_session_created) */
    List<TlObject> results() {
        return replies().stream().filter(o -> o instanceof RpcResult).toList();
    }
}
