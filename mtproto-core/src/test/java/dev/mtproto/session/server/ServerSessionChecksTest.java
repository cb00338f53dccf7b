package dev.mtproto.session.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.session.MessageContainers;
import dev.mtproto.session.MessageIdClock;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.BadServerSalt;
import dev.mtproto.tl.mtproto.DestroySession;
import dev.mtproto.tl.mtproto.DestroySessionOk;
import dev.mtproto.tl.mtproto.MsgsAck;
import dev.mtproto.tl.mtproto.MsgsStateInfo;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import dev.mtproto.tl.mtproto.NewSessionCreated;
import dev.mtproto.tl.mtproto.RpcAnswerDropped;
import dev.mtproto.tl.mtproto.RpcAnswerUnknown;
import dev.mtproto.tl.mtproto.RpcDropAnswer;
import dev.mtproto.tl.mtproto.RpcResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DC side's checks, message by message, as a client library would meet them on Telegram. */
class ServerSessionChecksTest {
    private static final long SALT = 42;
    private static final long SESSION = 7;

    private final AtomicInteger executions = new AtomicInteger();
    private final MessageIdClock clientClock = MessageIdClock.system();
    private AuthKey key;
    private ServerSession server;
    private int seq;

    private final List<Leniency> leniencies = new ArrayList<>();

    @BeforeEach
    void setUp() {
        byte[] k = new byte[256];
        RandomSource.secure().nextBytes(k, 0, k.length);
        key = AuthKey.of(k);
        server = server(ServerSessionSettings.builder().leniencyListener(leniencies::add).build());
    }

    private ServerSession server(ServerSessionSettings settings) {
        return new ServerSession(key, SESSION, SALT, MessageIdClock.system(), RandomSource.secure(), call -> {
            executions.incrementAndGet();
            return new NearestDc("XX", 1, 1);
        }, settings);
    }

    private void send(long salt, long msgId, int seqNo, TlObject body) {
        byte[] bytes = body.toByteArray();
        server.receive(salt, msgId, seqNo, bytes, 0, bytes.length);
    }

    private int nextSeq() {
        return seq++ * 2 + 1;
    }

    /** @return the bodies of every message the server sends, containers opened */
    private List<TlObject> replies() {
        return ServerReplies.bodies(server, key);
    }

    private TlObject initCall() {
        return new InvokeWithLayer<>(223, dev.mtproto.tl.api.InitConnection.<dev.mtproto.tl.api.NearestDcType>builder().apiId(1).deviceModel("d")
                .systemVersion("s").appVersion("a").systemLangCode("en").langPack("").langCode("en")
                .query(GetNearestDc.INSTANCE).build());
    }

    @Test
    void theFirstMessageAnnouncesTheSessionAndCallsAreAnsweredOnce() {
        long id = clientClock.nextClientId();
        send(SALT, id, nextSeq(), initCall());
        List<TlObject> replies = replies();
        assertThat(replies.get(0)).isEqualTo(new NewSessionCreated(id, ((NewSessionCreated) replies.get(0)).uniqueId(), SALT));
        assertThat(replies.get(1)).isEqualTo(new RpcResult(id, new NearestDc("XX", 1, 1)));

        send(SALT, id, 1, initCall()); // resent: answered again from the cache, not executed again
        assertThat(replies()).containsExactly(new RpcResult(id, new NearestDc("XX", 1, 1)));
        assertThat(executions).hasValue(1);
    }

    @Test
    void wrongSaltsAndBadMessageIdsGetTheirNotifications() {
        long id = clientClock.nextClientId();
        send(SALT + 1, id, nextSeq(), GetNearestDc.INSTANCE);
        assertThat(replies()).containsExactly(new BadServerSalt(id, 1, 48, SALT));

        send(SALT, id | 1, 3, GetNearestDc.INSTANCE);
        assertThat(replies()).containsExactly(new BadMsgNotification(id | 1, 3, 18));

        long old = (System.currentTimeMillis() / 1000 - 400) << 32;
        send(SALT, old, 3, GetNearestDc.INSTANCE);
        assertThat(replies()).containsExactly(new BadMsgNotification(old, 3, 16));

        long future = (System.currentTimeMillis() / 1000 + 60) << 32;
        send(SALT, future, 3, GetNearestDc.INSTANCE);
        assertThat(replies()).containsExactly(new BadMsgNotification(future, 3, 17));
        assertThat(executions).hasValue(0);
    }

    /**
     * Salts are valid by time: a client whose clock is minutes off picks a salt the DC does not take, and
     * bad_server_salt alone would leave it refused again and again. The time is checked first (16/17).
     */
    @Test
    void aMessageFromOutsideTheTimeWindowIsToldAboutTheTimeBeforeTheSalt() {
        long ahead = (System.currentTimeMillis() / 1000 + 120) << 32;
        send(SALT + 1, ahead, 1, GetNearestDc.INSTANCE);
        assertThat(replies()).containsExactly(new BadMsgNotification(ahead, 1, 17));
        long behind = (System.currentTimeMillis() / 1000 - 400) << 32;
        send(SALT + 1, behind, 3, GetNearestDc.INSTANCE);
        assertThat(replies()).containsExactly(new BadMsgNotification(behind, 3, 16));
        assertThat(executions).hasValue(0);
    }

    @Test
    void seqnoParityIsChecked() {
        long id = clientClock.nextClientId();
        send(SALT, id, 2, initCall()); // a call is content-related: odd seqno expected
        List<TlObject> replies = replies();
        assertThat(replies).contains(new BadMsgNotification(id, 2, 35));
        assertThat(executions).hasValue(0);
    }

    /** An ack needs no acknowledgement: even seqno expected (34), which Telegram does not enforce. */
    @Test
    void anOddAckIsLetPassAndReportedUnlessChecksAreStrict() {
        long ack = clientClock.nextClientId();
        send(SALT, ack, 5, new MsgsAck(List.of(1L)));
        assertThat(replies()).noneMatch(m -> m instanceof BadMsgNotification);
        assertThat(leniencies).containsExactly(Leniency.ODD_SEQNO_WITHOUT_CONTENT);

        server = server(ServerSessionSettings.builder().strictChecks(true).leniencyListener(leniencies::add).build());
        long again = clientClock.nextClientId();
        send(SALT, again, 5, new MsgsAck(List.of(1L)));
        assertThat(replies()).contains(new BadMsgNotification(again, 5, 34));
        assertThat(leniencies).as("strict sessions refuse instead of reporting").hasSize(1);
    }

    @Test
    void containersMustHaveTheHighestId() {
        long inner = clientClock.nextClientId();
        long containerId = inner - 4; // lower than its message: invalid
        TlWriter w = new TlWriter();
        int at = MessageContainers.begin(w, containerId, 0, 1);
        MessageContainers.writeMessage(w, inner, 1, initCall().toByteArray());
        MessageContainers.end(w, at);
        byte[] all = w.toByteArray();
        server.receive(SALT, containerId, 0, all, 16, all.length - 16);
        assertThat(replies()).contains(new BadMsgNotification(containerId, 0, 64));
        assertThat(executions).hasValue(0);
    }

    @Test
    void stateRequestsDropAnswerAndDestroySession() {
        long call = clientClock.nextClientId();
        send(SALT, call, nextSeq(), initCall());
        replies();
        long unknown = clientClock.nextClientId() + 400;
        long req = clientClock.nextClientId();
        send(SALT, req, nextSeq(), new MsgsStateReq(List.of(call, unknown)));
        assertThat(replies()).as("received, processed, answer kept (4+32+64); not received")
                .containsExactly(new MsgsStateInfo(req, new byte[] {4 | 32 | 64, 2}));

        long drop = clientClock.nextClientId();
        send(SALT, drop, nextSeq(), new RpcDropAnswer(call));
        assertThat(replies()).singleElement().isInstanceOfSatisfying(RpcResult.class,
                r -> assertThat(r.result()).isInstanceOf(RpcAnswerDropped.class));
        long dropAgain = clientClock.nextClientId();
        send(SALT, dropAgain, nextSeq(), new RpcDropAnswer(call));
        assertThat(replies()).containsExactly(new RpcResult(dropAgain, RpcAnswerUnknown.INSTANCE));

        long destroy = clientClock.nextClientId();
        send(SALT, destroy, nextSeq(), new DestroySession(SESSION));
        assertThat(replies()).containsExactly(new RpcResult(destroy, new DestroySessionOk(SESSION)));
        assertThat(server.destroyed()).isTrue();
    }
}
