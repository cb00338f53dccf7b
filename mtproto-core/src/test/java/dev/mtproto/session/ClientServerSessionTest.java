package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.rpc.MigrateException;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.session.server.ServerSession;
import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InputAppEvent;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.JsonNull;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.UpdatesTooLong;
import dev.mtproto.tl.api.help.GetCountriesList;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.help.GetSupportName;
import dev.mtproto.tl.api.help.SaveAppLog;
import dev.mtproto.tl.api.help.SupportName;
import dev.mtproto.tl.api.help.SupportNameType;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.FutureSalts;
import dev.mtproto.tl.mtproto.GetFutureSalts;
import dev.mtproto.tl.mtproto.MsgResendAnsReq;
import dev.mtproto.tl.mtproto.MsgsStateReq;
import dev.mtproto.tl.mtproto.Ping;
import dev.mtproto.tl.mtproto.Pong;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ClientSession} against {@link ServerSession}, in memory: every protocol rule with a real peer. */
class ClientServerSessionTest {
    private static final long FIRST_SALT = 0x1122334455667788L;
    private int packetLimit = dev.mtproto.transport.FrameCodec.DEFAULT_MAX_FRAME_LENGTH;

    private final Map<String, Integer> executions = new HashMap<>();
    private final List<TlMethod<?>> executed = new ArrayList<>();
    private RecordingListener events;
    /** When set, help.getSupportName is answered only when this completes (a call the DC holds). */
    private java.util.concurrent.CompletableFuture<Object> heldAnswer;
    private InMemoryDc dc;
    private ClientSession client;
    private AuthKey key;

    @BeforeEach
    void setUp() {
        byte[] k = new byte[256];
        RandomSource.secure().nextBytes(k, 0, k.length);
        key = AuthKey.of(k);
        dc = new InMemoryDc(key, FIRST_SALT, call -> {
            executed.add(call.method());
            executions.merge(call.method().tlName(), 1, Integer::sum);
            if (call.method() instanceof GetNearestDc) {
                return new NearestDc("XX", 2, 2);
            }
            if (call.method() instanceof GetSupportName) {
                return heldAnswer != null ? heldAnswer : new SupportName("support ".repeat(1000));
            }
            if (call.method() instanceof GetCountriesList list) { // the lang code says which error to answer
                String[] e = list.langCode().split(":");
                throw RpcException.of(Integer.parseInt(e[0]), e[1], call.method().tlName());
            }
            if (call.method() instanceof SaveAppLog) {
                return Boolean.TRUE;
            }
            if (call.method() instanceof dev.mtproto.tl.api.upload.GetFile get) {
                return new dev.mtproto.tl.api.upload.File(dev.mtproto.tl.api.storage.FilePartial.INSTANCE, 0, filePart(get.offset(), get.limit()));
            }
            throw RpcException.of(400, "METHOD_NOT_IN_TEST", call.method().tlName());
        });
        events = new RecordingListener();
        client = newClient(events);
    }

    private ClientSession newClient(SessionListener listener) {
        return newClient(listener, MessageIdClock.system());
    }

    private ClientSession newClient(SessionListener listener, MessageIdClock clock) {
        ClientSession session = new ClientSession(key, FIRST_SALT, clock, RandomSource.secure(), listener, 1024, packetLimit);
        session.initWrapper(ClientServerSessionTest::initialized);
        return session;
    }

    private static TlMethod<?> initialized(TlMethod<?> query) {
        return wrap(query);
    }

    private static <R> TlMethod<R> wrap(TlMethod<R> query) {
        InitConnection<R> init = InitConnection.<R>builder().apiId(1).deviceModel("test").systemVersion("1")
                .appVersion("1").systemLangCode("en").langPack("").langCode("en").query(query).build();
        return new InvokeWithLayer<>(223, init);
    }

    private <R> OutgoingCall<R> call(TlMethod<R> method) {
        OutgoingCall<R> c = new OutgoingCall<>(method, method.tlName(), Long.MAX_VALUE);
        client.submit(c);
        return c;
    }

    /** Moves packets both ways until nothing moves. */
    private void pump() {
        pump(false);
    }

    /**
     * Moves packets both ways until nothing moves.
     *
     * @param overwriteFrames whether each frame's buffer is overwritten once the client has taken it, as a
     *     transport reuses its buffer
     */
    private void pump(boolean overwriteFrames) {
        for (int round = 0; round < 50; round++) {
            boolean moved = false;
            OutboundPacket p;
            while ((p = client.nextPacket(false)) != null) {
                assertThat(p.length()).as("packet size").isLessThanOrEqualTo(packetLimit);
                dc.receive(p);
                moved = true;
            }
            for (byte[] frame : dc.drain()) {
                client.onFrame(frame, 0, frame.length);
                if (overwriteFrames) {
                    java.util.Arrays.fill(frame, (byte) 0x5a);
                }
                moved = true;
            }
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("the session did not settle");
    }

    private void initialize() {
        OutgoingCall<NearestDcType> first = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(first.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
    }

    @Test
    void firstCallWrappedInInitConnectionGetsItsResultAndTheServerAnnouncesTheSession() {
        initialize();
        assertThat(events.newSessions).isEqualTo(1);
        assertThat(dc.session(client.sessionId()).layer()).isEqualTo(223);
        OutgoingCall<NearestDcType> plain = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(plain.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(events.drops).isEmpty();
        assertThat(client.pendingCalls()).isZero();
    }

    @Test
    void aQuickAckWithThePacketsTokenAcknowledgesItsCallsAndOthersAreIgnored() {
        initialize();
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        OutboundPacket p = client.nextPacket(true);
        assertThat(p.quickAck()).as("a packet carrying a call asks").isTrue();
        dev.mtproto.crypto.MessageCipher server = dev.mtproto.crypto.MessageCipher.forServer(key);
        byte[] wire = java.util.Arrays.copyOf(p.buffer(), p.length());
        server.decrypt(wire, 0, wire.length, new byte[wire.length], 0);
        int token = server.receivedQuickAckToken();

        client.onQuickAck(token ^ 1);
        assertThat(c.acknowledged()).as("a token of another packet").isFalse();
        client.onQuickAck(token);
        assertThat(c.acknowledged()).isTrue();
        assertThat(events.quickAcks).containsExactly(c.msgId());
        client.onQuickAck(token);
        assertThat(events.quickAcks).as("each token counts once").hasSize(1);
    }

    @Test
    void apiCallsBeforeInitConnectionAreRefused() {
        client.initWrapper(null);
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(c.future()).isCompletedExceptionally();
        assertThat(events.errors).singleElement().isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.errorMessage()).isEqualTo("CONNECTION_NOT_INITED");
        });
    }

    @Test
    void manyCallsShareOneContainerAndEachGetsItsOwnAnswer() {
        initialize();
        List<OutgoingCall<NearestDcType>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(call(GetNearestDc.INSTANCE));
        }
        OutboundPacket packet = client.nextPacket(false);
        assertThat(client.hasQueuedMessages()).as("all 40 fit in one container").isFalse();
        dc.receive(packet);
        pump();
        assertThat(calls).allSatisfy(c -> assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
        assertThat(executions.get("help.getNearestDc")).isEqualTo(41);
    }

    @Test
    void largeBodiesAreGzippedBothWays() {
        initialize();
        String big = "event ".repeat(2000);
        OutgoingCall<Boolean> log = call(new SaveAppLog(List.of(new InputAppEvent(1.5, big, 7, JsonNull.INSTANCE))));
        OutgoingCall<SupportNameType> name = call(GetSupportName.INSTANCE);
        OutboundPacket packet = client.nextPacket(false);
        assertThat(packet.length()).as("12 KB of text went out compressed").isLessThan(2000);
        dc.receive(packet);
        pump();
        assertThat(log.future()).isCompletedWithValue(true);
        assertThat(((SaveAppLog) executed.get(executed.size() - 2)).events().get(0).type()).isEqualTo(big);
        assertThat(name.future().join()).isEqualTo(new SupportName("support ".repeat(1000)));
    }

    @Test
    void rpcErrorsBecomeTypedExceptions() {
        initialize();
        OutgoingCall<?> flood = call(new GetCountriesList("420:FLOOD_WAIT_7", 0));
        OutgoingCall<?> migrate = call(new GetCountriesList("303:PHONE_MIGRATE_4", 0));
        OutgoingCall<?> plain = call(new GetCountriesList("400:PEER_ID_INVALID", 0));
        pump();
        assertThat(flood.future()).isCompletedExceptionally();
        assertThat(events.errors).hasSize(3);
        assertThat(events.errors.get(0)).isInstanceOfSatisfying(FloodWaitException.class, e -> assertThat(e.waitSeconds()).isEqualTo(7));
        assertThat(events.errors.get(1)).isInstanceOfSatisfying(MigrateException.class, e -> {
            assertThat(e.targetDc()).isEqualTo(4);
            assertThat(e.kind()).isEqualTo(MigrateException.Kind.PHONE);
            assertThat(e.kind().movesHomeDc()).isTrue();
        });
        assertThat(events.errors.get(2)).isExactlyInstanceOf(RpcException.class)
                .hasMessage("help.getCountriesList failed: 400 PEER_ID_INVALID");
        assertThat(migrate.future()).isCompletedExceptionally();
        assertThat(plain.future()).isCompletedExceptionally();
    }

    @Test
    void badServerSaltResendsEveryMessageOfTheContainer() {
        initialize();
        dc.session(client.sessionId()).rotateSalt();
        List<OutgoingCall<NearestDcType>> calls = List.of(call(GetNearestDc.INSTANCE), call(GetNearestDc.INSTANCE), call(GetNearestDc.INSTANCE));
        pump();
        assertThat(calls).allSatisfy(c -> assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
        assertThat(executions.get("help.getNearestDc")).as("each executed once").isEqualTo(4);
        assertThat(client.currentSalt()).isEqualTo(dc.session(client.sessionId()).salt());
    }

    @Test
    void clockDifferencesAreCorrectedFromBadMsgNotification() {
        AtomicLong localJump = new AtomicLong();
        client = newClient(events, new MessageIdClock(() -> System.currentTimeMillis() + localJump.get(), 0));

        dc.skewMillis.set(10 * 60_000); // the DC runs 10 minutes ahead of us: our msg_ids look too old to it (16)
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(client.clock().offsetMillis()).isBetween(9 * 60_000L, 11 * 60_000L);

        // our wall clock jumps 30 minutes ahead (say, a bad NTP step): our ids now look too high (17), and
        // since ids must rise within a session, the client starts a new one at the corrected time
        long sessionBefore = client.sessionId();
        localJump.set(30 * 60_000);
        OutgoingCall<NearestDcType> d = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(d.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(client.clock().offsetMillis()).isBetween(-21 * 60_000L, -19 * 60_000L);
        assertThat(client.sessionId()).isNotEqualTo(sessionBefore);
        assertThat(executions.get("help.getNearestDc")).as("nothing ran twice").isEqualTo(2);
    }

    @Test
    void aDcWhoseClockJumpsAheadMidSessionIsFollowed() {
        initialize();
        dc.skewMillis.set(10 * 60_000);
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(client.clock().offsetMillis()).isBetween(9 * 60_000L, 11 * 60_000L);
        assertThat(executions.get("help.getNearestDc")).isEqualTo(2);
    }

    @Test
    void seqnoErrorsStartANewSessionAndCallsStillGetAnswered() {
        initialize();
        long before = client.sessionId();
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        client.nextPacket(false); // lost; the DC names it (a bad_msg_notification about a msg_id of ours)
        dc.session(before).push(new BadMsgNotification(c.msgId(), 1, 32));
        pump();
        assertThat(client.sessionId()).isNotEqualTo(before);
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(events.newSessions).as("ours and the server's announcement").isGreaterThanOrEqualTo(2);
    }

    @Test
    void anAbandonedSessionIsDestroyedOnTheServer() {
        initialize();
        long before = client.sessionId();
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        client.nextPacket(false);
        dc.session(before).push(new BadMsgNotification(c.msgId(), 1, 33));
        pump();
        assertThat(client.sessionId()).isNotEqualTo(before);
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(dc.receivedConstructors).contains(dev.mtproto.tl.mtproto.DestroySession.CONSTRUCTOR_ID);
        assertThat(dc.sessions).as("the server forgot the old session").containsOnlyKeys(client.sessionId());
        assertThat(events.drops).as("the destroy_session answer was expected").isEmpty();
        assertThat(events.errors).isEmpty();
    }

    @Test
    void aLostConnectionResendsUnansweredCallsWithoutExecutingThemTwice() {
        initialize();
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        long sentAs = -1;
        OutboundPacket p = client.nextPacket(false);
        sentAs = c.msgId();
        dc.receive(p);                                  // executed...
        assertThat(dc.drain()).isNotEmpty();            // ...but the answer is lost with the connection
        dc.session(client.sessionId()).forgetUnacknowledged();

        client.onConnectionLost();
        pump(); // asked about (msgs_state_req): received, answer kept (4+32+64); the answer is asked for again
        assertThat(c.msgId()).as("never sent under another msg_id").isEqualTo(sentAs);
        assertThat(dc.receivedConstructors).contains(MsgsStateReq.CONSTRUCTOR_ID, dev.mtproto.tl.mtproto.MsgResendAnsReq.CONSTRUCTOR_ID);
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(executions.get("help.getNearestDc")).isEqualTo(2); // initialize() + once

        // both sides resend after a reconnect: the answer arrives twice, the call completes once
        OutgoingCall<NearestDcType> d = call(GetNearestDc.INSTANCE);
        dc.receive(client.nextPacket(false));
        dc.drain();
        client.onConnectionLost();
        dc.session(client.sessionId()).onReconnect();
        pump();
        assertThat(d.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(executions.get("help.getNearestDc")).isEqualTo(3);
        assertThat(events.results.stream().filter(r -> r instanceof NearestDc)).hasSize(3);
    }

    @Test
    void duplicateReplayedAndForgedFramesAreDroppedAndCountedWithoutBreakingTheSession() {
        initialize();
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        dc.receive(client.nextPacket(false));
        List<byte[]> frames = dc.drain();
        byte[] answer = frames.get(0);
        client.onFrame(answer, 0, answer.length);
        client.onFrame(answer, 0, answer.length);      // replayed
        assertThat(events.dropped(DropReason.DUPLICATE)).isEqualTo(1);

        byte[] tampered = answer.clone();
        tampered[tampered.length - 20] ^= 1;
        client.onFrame(tampered, 0, tampered.length);
        byte[] random = new byte[200];
        RandomSource.secure().nextBytes(random, 0, random.length);
        client.onFrame(random, 0, random.length);
        client.onFrame(answer, 0, 30);                 // truncated
        assertThat(events.dropped(DropReason.SECURITY_CHECK)).isEqualTo(3);

        // a frame for another session on the same key
        RecordingListener otherEvents = new RecordingListener();
        ClientSession other = newClient(otherEvents);
        other.submit(new OutgoingCall<>(GetNearestDc.INSTANCE, "x", Long.MAX_VALUE));
        dc.receive(other.nextPacket(false));
        for (byte[] f : dc.drain()) {
            client.onFrame(f, 0, f.length);
        }
        assertThat(events.dropped(DropReason.WRONG_SESSION)).isGreaterThanOrEqualTo(1);

        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        OutgoingCall<NearestDcType> after = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(after.future()).as("the session still works").isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(events.results.stream().filter(r -> r instanceof NearestDc)).hasSize(3);
    }

    @Test
    void pushedUpdatesReachTheListenerAndAreAcknowledged() {
        initialize();
        ServerSession server = dc.session(client.sessionId());
        server.push(UpdatesTooLong.INSTANCE);
        pump();
        assertThat(events.updates).containsExactly(UpdatesTooLong.INSTANCE);
        assertThat(server.unacknowledgedIds()).as("the client acknowledged everything").isEmpty();
    }

    @Test
    void overdueCallsFailWithATimeoutAndCancelledCallsAreDropped() {
        initialize();
        OutgoingCall<NearestDcType> queued = new OutgoingCall<>(GetNearestDc.INSTANCE, "help.getNearestDc", System.nanoTime() - 1);
        client.submit(queued);
        client.expire(System.nanoTime());
        assertThat(queued.future()).isCompletedExceptionally();
        assertThat(events.errors).singleElement().isInstanceOf(RequestTimeoutException.class);

        OutgoingCall<NearestDcType> sent = new OutgoingCall<>(GetNearestDc.INSTANCE, "help.getNearestDc", System.nanoTime() + 50_000_000);
        client.submit(sent);
        client.nextPacket(false); // sent, never answered
        client.expire(System.nanoTime() + 100_000_000);
        assertThat(sent.future()).isCompletedExceptionally();

        OutgoingCall<NearestDcType> cancelled = call(GetNearestDc.INSTANCE);
        dc.receive(client.nextPacket(false));
        assertThat(client.cancel(cancelled)).isTrue();
        pump();
        assertThat(cancelled.future()).as("the session leaves a cancelled call alone").isNotDone();
        assertThat(events.dropped(DropReason.UNKNOWN_REQUEST)).as("the DC took the unsent answer out of its queue").isZero();
    }

    @Test
    void pingsAndFutureSalts() {
        OutgoingCall<?> ping = call(new Ping(42));
        OutgoingCall<?> salts = call(new GetFutureSalts(3));
        pump();
        assertThat(ping.future().join()).isInstanceOfSatisfying(Pong.class, p -> assertThat(p.pingId()).isEqualTo(42));
        assertThat(salts.future().join()).isInstanceOfSatisfying(FutureSalts.class, f -> assertThat(f.salts()).hasSize(3));
        assertThat(client.salts().future()).hasSize(3);
    }

    @Test
    void aClientFollowingAnnouncedSaltsUsesEachOnTimeAndNeverMeetsBadServerSalt() {
        AtomicLong travel = new AtomicLong();
        client = newClient(events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        initialize();
        OutgoingCall<?> fetch = call(new GetFutureSalts(4));
        pump();
        List<dev.mtproto.tl.mtproto.FutureSalt> announced = ((FutureSalts) fetch.future().join()).salts();
        assertThat(announced.get(0).salt()).isEqualTo(FIRST_SALT);

        for (int hour = 1; hour < 4; hour++) {
            travel.set(hour * 3_600_000L + 60_000);
            dc.skewMillis.set(travel.get());
            int packetsBefore = dc.packetSalts.size();
            OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
            pump();
            assertThat(c.future().join()).isEqualTo(new NearestDc("XX", 2, 2));
            assertThat(dc.packetSalts.subList(packetsBefore, dc.packetSalts.size()))
                    .as("hour %d: every packet carries the salt announced for it, none is resent", hour)
                    .containsOnly(announced.get(hour).salt());
        }
        assertThat(executions.get(GetNearestDc.INSTANCE.tlName())).isEqualTo(4);
    }

    @Test
    void serverStateRequestsAreAnswered() {
        initialize();
        dc.session(client.sessionId()).push(new MsgsStateReq(List.of(1L, 2L)));
        pump();
        assertThat(dc.receivedConstructors).contains(dev.mtproto.tl.mtproto.MsgsStateInfo.CONSTRUCTOR_ID);
        assertThat(events.drops).isEmpty();
        assertThat(events.errors).isEmpty();
    }

    @Test
    void connectionNotInitedIsRetriedOnceThenReported() {
        initialize();
        OutgoingCall<?> c = call(new GetCountriesList("400:CONNECTION_NOT_INITED", 0));
        pump();
        assertThat(c.future()).isCompletedExceptionally();
        assertThat(executions.get("help.getCountriesList")).as("the first try and one re-initialized try").isEqualTo(2);
    }

    @Test
    void aSessionResetInsideAContainerKeepsTheResultsOfTheSameContainer() {
        initialize();
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        OutboundPacket p = client.nextPacket(false);
        dc.session(client.sessionId()).push(new BadMsgNotification(c.msgId(), 1, 32));
        dc.receive(p); // executed; the DC's next packet holds [bad_msg 32, rpc_result]
        pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(executions.get("help.getNearestDc")).as("not run again in the new session").isEqualTo(2);
        assertThat(events.dropped(DropReason.UNKNOWN_REQUEST)).isZero();
    }

    @Test
    void replayedOldFramesAreRefusedBeforeTheyCanMoveTheClock() {
        AtomicLong travel = new AtomicLong();
        client = newClient(events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        List<byte[]> recorded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            call(GetNearestDc.INSTANCE);
            OutboundPacket p;
            while ((p = client.nextPacket(false)) != null) {
                dc.receive(p);
            }
            for (byte[] f : dc.drain()) {
                recorded.add(f);
                client.onFrame(f, 0, f.length);
            }
        }
        pump();
        travel.set(400_000); // 400 s later, on both sides: the recorded frames are now out of the time window
        dc.skewMillis.set(400_000);
        OutgoingCall<NearestDcType> now = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(now.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        long offset = client.clock().offsetMillis();
        int replaysBefore = events.dropped(DropReason.DUPLICATE);
        for (byte[] f : recorded) {
            client.onFrame(f, 0, f.length);
        }
        assertThat(client.clock().offsetMillis()).as("the clock offset after the replay").isEqualTo(offset);
        assertThat(events.dropped(DropReason.DUPLICATE) - replaysBefore).isGreaterThanOrEqualTo(recorded.size());
    }

    @Test
    void aGzipBombOfDeepNestingIsDroppedWithoutDeepRecursion() throws Exception {
        initialize();
        GzipCodec gz = new GzipCodec(ClientSession.MAX_INFLATED_SIZE);
        byte[] body = UpdatesTooLong.INSTANCE.toByteArray();
        for (int i = 0; i < 3000; i++) {
            body = new dev.mtproto.tl.mtproto.GzipPacked(gz.gzip(body, 0, body.length)).toByteArray();
        }
        gz.close();
        dc.session(client.sessionId()).push(new dev.mtproto.tl.mtproto.GzipPacked(body));
        List<byte[]> frames = dc.drain();
        assertThat(onSmallStack(() -> frames.forEach(this::receive))).isNull();
        assertThat(events.dropped(DropReason.MALFORMED)).isEqualTo(1);
        assertThat(events.updates).isEmpty();
    }

    @Test
    void answersResentAfterAReconnectCompleteCallsStillWaitingInTheQueue() {
        initialize();
        List<OutgoingCall<NearestDcType>> calls = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            calls.add(call(GetNearestDc.INSTANCE));
        }
        OutboundPacket p;
        while ((p = client.nextPacket(false)) != null) {
            dc.receive(p); // all executed...
        }
        dc.drain(); // ...but the answers are lost with the connection
        client.onConnectionLost();
        dc.session(client.sessionId()).onReconnect(); // the DC resends what was not acknowledged
        for (byte[] frame : dc.drain()) {
            client.onFrame(frame, 0, frame.length);
        }
        assertThat(calls).allSatisfy(c -> assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
        assertThat(events.dropped(DropReason.UNKNOWN_REQUEST)).isZero();
        pump();
        assertThat(executions.get("help.getNearestDc")).as("nothing ran twice").isEqualTo(251);
        assertThat(dc.session(client.sessionId()).hasOutgoing()).isFalse();
    }

    @Test
    void aSaltChangeAfterFutureSaltsWereFetchedIsFollowed() {
        initialize();
        OutgoingCall<?> fetch = call(new GetFutureSalts(4));
        pump();
        assertThat(fetch.future()).isCompleted();
        dc.session(client.sessionId()).rotateSalt(); // every salt announced so far is invalid now
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(client.currentSalt()).isEqualTo(dc.session(client.sessionId()).salt());
        assertThat(client.salts().needsRefresh(client.clock().serverMillis() / 1000, 600)).as("fetch them again").isTrue();
        assertThat(events.errors).isEmpty();
    }

    private static String incompressible(int chars) {
        byte[] b = new byte[chars * 3 / 4];
        RandomSource.secure().nextBytes(b, 0, b.length);
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    private static SaveAppLog appLog(String text) {
        return new SaveAppLog(List.of(new InputAppEvent(1.5, text, 7, JsonNull.INSTANCE)));
    }

    @Test
    void aCallTooLargeForOnePacketFailsAloneAtSubmission() {
        packetLimit = 16 * 1024;
        client = newClient(events);
        initialize();
        OutgoingCall<NearestDcType> before = call(GetNearestDc.INSTANCE);
        OutgoingCall<Boolean> huge = new OutgoingCall<>(appLog(incompressible(40_000)), "help.saveAppLog", Long.MAX_VALUE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.submit(huge))
                .isInstanceOfSatisfying(RequestTooLargeException.class, e -> {
                    assertThat(e.limit()).isEqualTo(16 * 1024);
                    assertThat(e.size()).isGreaterThan(16 * 1024);
                });
        OutgoingCall<NearestDcType> after = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(before.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(after.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(client.pendingCalls()).isZero();
    }

    @Test
    void containersAreCutBeforeTheyExceedThePacketLimit() {
        packetLimit = 16 * 1024;
        client = newClient(events);
        initialize();
        List<OutgoingCall<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(call(appLog(incompressible(2000))));
        }
        pump(); // asserts every packet against the limit
        assertThat(calls).allSatisfy(c -> assertThat(c.future()).isCompletedWithValue(true));
        assertThat(executions.get("help.saveAppLog")).isEqualTo(30);
    }

    @Test
    void aListenerThatMakesACallWhenOneTimesOutDoesNotBreakTheTick() {
        List<OutgoingCall<NearestDcType>> retries = new ArrayList<>();
        RecordingListener retrying = new RecordingListener() {
            @Override
            public void onError(OutgoingCall<?> call, RuntimeException error) {
                super.onError(call, error);
                for (int i = 0; i < 2; i++) { // continuations that call invoke again, on the same thread
                    OutgoingCall<NearestDcType> retry = new OutgoingCall<>(GetNearestDc.INSTANCE, "retry", Long.MAX_VALUE);
                    retries.add(retry);
                    client.submit(retry);
                }
            }
        };
        client = newClient(retrying);
        long now = System.nanoTime();
        for (int i = 0; i < 2; i++) {
            client.submit(new OutgoingCall<>(GetNearestDc.INSTANCE, "sent", now + 1000));
        }
        dc.receive(client.nextPacket(false)); // sent, answers lost
        dc.drain();
        for (int i = 0; i < 14; i++) { // enough that the retries make the queue grow while it is walked
            client.submit(new OutgoingCall<>(GetNearestDc.INSTANCE, "queued", now + 1000));
        }
        client.expire(now + 2000);
        assertThat(retrying.errors).hasSize(16).allSatisfy(e -> assertThat(e).isInstanceOf(RequestTimeoutException.class));
        pump();
        assertThat(retries).hasSize(32).allSatisfy(r -> assertThat(r.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
    }

    @Test
    void callsWithoutADeadlineNeverExpireWhateverNanoTimeSays() {
        OutgoingCall<NearestDcType> forever = call(GetNearestDc.INSTANCE);
        client.expire(-1_000_000_000L); // System.nanoTime() may be negative
        client.expire(Long.MIN_VALUE + 5);
        assertThat(forever.future()).isNotDone();
        assertThat(forever.isOverdue(Long.MAX_VALUE - 1)).isFalse();
        OutgoingCall<NearestDcType> soon = new OutgoingCall<>(GetNearestDc.INSTANCE, "soon", Long.MIN_VALUE + 10);
        assertThat(soon.isOverdue(Long.MIN_VALUE + 5)).isFalse();
        assertThat(soon.isOverdue(Long.MIN_VALUE + 11)).isTrue();
    }

    private ForgedServer forged() {
        return new ForgedServer(key, dc.session(client.sessionId()).salt());
    }

    private void receive(byte[] frame) {
        client.onFrame(frame, 0, frame.length);
    }

    /** @return what the task threw on a thread with a small stack, or null */
    private static Throwable onSmallStack(Runnable task) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                task.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        return thrown.get();
    }

    /** @return a server clock one second ahead, so that its msg_ids never collide with the DC's own */
    private static MessageIdClock forgingClock() {
        return new MessageIdClock(() -> System.currentTimeMillis() + 1000, 0);
    }

    @Test
    void msgCopyNestedThousandsDeepIsDroppedWithoutDeepRecursion() throws Exception {
        initialize();
        MessageIdClock server = forgingClock();
        byte[] body = UpdatesTooLong.INSTANCE.toByteArray();
        for (int i = 0; i < 5000; i++) {
            body = ForgedServer.copy(server.nextServerId(false), 1, body);
        }
        byte[] frame = forged().frame(client.sessionId(), server.nextServerId(false), 1, body);
        assertThat(onSmallStack(() -> receive(frame))).isNull();
        assertThat(events.dropped(DropReason.MALFORMED)).isEqualTo(1);
        assertThat(events.updates).isEmpty();
    }

    /** https://core.telegram.org/mtproto/security_guidelines: messages outside the time window are ignored. */
    @Test
    void authenticatedMessagesOutsideTheTimeWindowNeverMoveTheClock() {
        initialize();
        long offset = client.clock().offsetMillis();
        MessageIdClock hourAhead = new MessageIdClock(() -> System.currentTimeMillis() + 3_600_000, 0);
        ForgedServer server = forged();
        for (int i = 0; i < 5; i++) {
            receive(server.frame(client.sessionId(), hourAhead.nextServerId(false), 2 * i + 1, UpdatesTooLong.INSTANCE.toByteArray()));
        }
        assertThat(events.dropped(DropReason.OUTSIDE_TIME_WINDOW)).isEqualTo(5);
        assertThat(events.updates).as("no information from them is used").isEmpty();
        assertThat(client.clock().offsetMillis()).isEqualTo(offset);
        OutgoingCall<NearestDcType> genuine = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(genuine.future()).as("the DC's genuine answer is still accepted").isCompletedWithValue(new NearestDc("XX", 2, 2));
    }

    @Test
    void aContainerWithAMessageNewerThanItselfIsRefusedWhole() {
        initialize();
        MessageIdClock server = forgingClock();
        long containerId = server.nextServerId(false);
        long inside = server.nextServerId(false); // above the container's id
        byte[] update = UpdatesTooLong.INSTANCE.toByteArray();
        byte[] body = ForgedServer.container(new long[] {inside - 8, inside}, new int[] {1, 3}, new byte[][] {update, update});
        receive(forged().frame(client.sessionId(), containerId, 4, body));
        assertThat(events.updates).isEmpty();
        assertThat(events.dropped(DropReason.BAD_MESSAGE_ID)).isEqualTo(1);
    }

    private void deliverAll() {
        OutboundPacket p;
        while ((p = client.nextPacket(false)) != null) {
            dc.receive(p);
        }
    }

    /** https://core.telegram.org/mtproto/service_messages_about_messages: 4 received, +8 acknowledged, +16 needs no ack. */
    @Test
    void stateRequestsAreAnsweredWithTheAcknowledgedAndNoAckNeededBits() {
        initialize();
        MessageIdClock server = forgingClock();
        ForgedServer forged = forged();
        long update = server.nextServerId(false);
        long ack = server.nextServerId(false);
        receive(forged.frame(client.sessionId(), update, 101, UpdatesTooLong.INSTANCE.toByteArray()));
        receive(forged.frame(client.sessionId(), ack, 102, new dev.mtproto.tl.mtproto.MsgsAck(List.of(1L << 40)).toByteArray()));
        long unknown = server.nextServerId(false);
        long first = server.nextServerId(false);
        receive(forged.frame(client.sessionId(), first, 103, new MsgsStateReq(List.of(update, ack, unknown)).toByteArray()));
        deliverAll(); // our ack of the update leaves now
        long second = server.nextServerId(false);
        receive(forged.frame(client.sessionId(), second, 105, new MsgsStateReq(List.of(update, ack)).toByteArray()));
        deliverAll();
        assertThat(dc.stateInfos()).hasSize(2);
        assertThat(dc.stateInfos().get(0).reqMsgId()).isEqualTo(first);
        assertThat(dc.stateInfos().get(0).info()).as("before our ack left").containsExactly(4, 4 + 16, 2);
        assertThat(dc.stateInfos().get(1).reqMsgId()).isEqualTo(second);
        assertThat(dc.stateInfos().get(1).info()).containsExactly(4 + 8, 4 + 16);
    }

    @Test
    void aResendRequestForMessagesWeDoNotHaveIsAnsweredAsAStateRequest() {
        initialize();
        MessageIdClock server = forgingClock();
        long unknown = client.clock().nextClientId() - (1L << 32); // a second ago: ours by parity, never sent
        long request = server.nextServerId(false);
        receive(forged().frame(client.sessionId(), request, 101, new dev.mtproto.tl.mtproto.MsgResendReq(List.of(unknown)).toByteArray()));
        deliverAll();
        assertThat(dc.stateInfos()).singleElement().satisfies(info -> {
            assertThat(info.reqMsgId()).isEqualTo(request);
            assertThat(info.info()).containsExactly(2);
        });
    }

    /** Sends three calls that the DC executes, loses their answers, and lets both clocks run 400 s on. */
    private List<OutgoingCall<NearestDcType>> answersLostInALongOutage(AtomicLong travel) {
        List<OutgoingCall<NearestDcType>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            OutgoingCall<NearestDcType> c = new OutgoingCall<>(GetNearestDc.INSTANCE, "help.getNearestDc", Long.MAX_VALUE - 2);
            client.submit(c);
            calls.add(c);
            dc.receive(client.nextPacket(false)); // one packet each, so the DC answers each in its own frame
        }
        dc.drain();
        travel.set(400_000);
        dc.skewMillis.set(400_000);
        return calls;
    }

    @Test
    void oldAnswersResentAfterAnOutageLongerThanTheTimeWindowDoNotPullTheClockBack() {
        AtomicLong travel = new AtomicLong();
        client = newClient(events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        initialize();
        answersLostInALongOutage(travel);
        long offset = client.clock().offsetMillis();
        client.onConnectionLost();
        dc.session(client.sessionId()).onReconnect(); // the DC resends the answers, with their old msg_ids
        for (byte[] frame : dc.drain()) {
            receive(frame);
        }
        assertThat(events.dropped(DropReason.OUTSIDE_TIME_WINDOW)).isEqualTo(3);
        assertThat(client.clock().offsetMillis()).isEqualTo(offset);
    }

    @Test
    void aSeqnoNotificationAboutAMessageWeNeverSentIsIgnored() {
        initialize();
        long before = client.sessionId();
        dc.session(before).push(new BadMsgNotification(client.clock().nextClientId() - (4L << 32), 1, 32));
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        pump();
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(client.sessionId()).as("no new session").isEqualTo(before);
        assertThat(events.resets).isEmpty();
        assertThat(events.dropped(DropReason.NOT_OUR_MESSAGE)).isEqualTo(1);
    }

    /** A call the DC holds, then a call whose packet is lost and which the DC names in bad_msg_notification. */
    private OutgoingCall<SupportNameType> heldCallThenAResetNaming(int code, long deadlineNanos) {
        heldAnswer = new java.util.concurrent.CompletableFuture<>();
        OutgoingCall<SupportNameType> held = new OutgoingCall<>(GetSupportName.INSTANCE, "help.getSupportName", deadlineNanos);
        client.submit(held);
        pump();
        assertThat(executions.get("help.getSupportName")).isEqualTo(1);
        OutgoingCall<NearestDcType> lost = call(GetNearestDc.INSTANCE);
        client.nextPacket(false); // never arrives
        dc.session(client.sessionId()).push(new BadMsgNotification(lost.msgId(), 1, code));
        pump();
        assertThat(lost.future()).as("the rejected message is sent again, in the new session").isCompletedWithValue(new NearestDc("XX", 2, 2));
        return held;
    }

    @Test
    void aSessionResetResendsOnlyWhatTheServerCannotHaveRunAndTakesLateAnswersOfTheOldSession() {
        initialize();
        long before = client.sessionId();
        OutgoingCall<SupportNameType> held = heldCallThenAResetNaming(32, Long.MAX_VALUE);
        assertThat(client.sessionId()).isNotEqualTo(before);
        assertThat(events.resets).containsExactly(SessionResetReason.SEQNO_TOO_LOW);
        assertThat(held.future()).isNotDone();
        assertThat(dc.sessions).as("the old session is kept while a call of it waits").containsKey(before);

        heldAnswer.complete(new SupportName("late"));
        pump();
        assertThat(held.future()).as("answered in the abandoned session").isCompletedWithValue(new SupportName("late"));
        assertThat(executions.get("help.getSupportName")).as("never run twice").isEqualTo(1);
        assertThat(events.dropped(DropReason.WRONG_SESSION)).isZero();
        assertThat(dc.sessions).as("destroyed once nothing of it waits").containsOnlyKeys(client.sessionId());
        assertThat(events.drops).isEmpty();
    }

    @Test
    void aCallLeftInAnAbandonedSessionFailsAsOutcomeUnknownAtItsDeadline() {
        initialize();
        long deadline = System.nanoTime() + 60_000_000_000L;
        OutgoingCall<SupportNameType> held = heldCallThenAResetNaming(33, deadline);
        assertThat(events.resets).containsExactly(SessionResetReason.SEQNO_TOO_HIGH);
        client.expire(deadline + 1);
        assertThat(held.future()).isCompletedExceptionally();
        assertThat(events.errors).singleElement().isInstanceOf(OutcomeUnknownException.class);
        assertThat(executions.get("help.getSupportName")).isEqualTo(1);
        pump();
        assertThat(dc.sessions).as("destroyed once nothing of it waits").containsOnlyKeys(client.sessionId());
    }

    @Test
    void callsWhoseAnswersWereLostInALongOutageNeverRunTwice() {
        AtomicLong travel = new AtomicLong();
        client = newClient(events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        initialize();
        List<OutgoingCall<NearestDcType>> calls = answersLostInALongOutage(travel);
        client.onConnectionLost();
        dc.session(client.sessionId()).onReconnect(); // the answers come again, with msg_ids too old to accept
        pump();
        assertThat(dc.receivedConstructors).as("the client asked about them").contains(MsgsStateReq.CONSTRUCTOR_ID);
        assertThat(calls).as("the DC said it has them: they are not sent again").allSatisfy(c -> assertThat(c.acknowledged()).isTrue());
        assertThat(dc.receivedConstructors).as("the DC said their answers exist (+64): the client asked for them")
                .contains(dev.mtproto.tl.mtproto.MsgResendAnsReq.CONSTRUCTOR_ID);
        assertThat(calls).as("answered again, with fresh msg_ids").allSatisfy(c ->
                assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2)));
        assertThat(executions.get("help.getNearestDc")).as("initialize() and each call once").isEqualTo(4);
        assertThat(events.errors).isEmpty();
    }

    @Test
    void aRejectedResendOfAMessageThatMayHaveArrivedKeepsItsMsgId() {
        initialize();
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        OutboundPacket p = client.nextPacket(false);
        long sentAs = c.msgId();
        dc.receive(p);                                  // executed; the answer is lost with the connection
        dc.drain();
        dc.session(client.sessionId()).forgetUnacknowledged();
        dc.session(client.sessionId()).rotateSalt();    // and the salt changed meanwhile
        client.onConnectionLost();
        pump();                                         // asked about, refused for its salt, asked again
        assertThat(c.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(c.msgId()).isEqualTo(sentAs);
        assertThat(executions.get("help.getNearestDc")).as("never run twice").isEqualTo(2);
    }

    /** @return the msg_id the packet carries for a message with that constructor (read as the DC would) */
    private long msgIdIn(OutboundPacket p, int constructorId) {
        byte[] plain = dev.mtproto.crypto.MessageCipher.forServer(key).decrypt(java.util.Arrays.copyOf(p.buffer(), p.length()));
        long[] found = {0};
        if (MessageContainers.isContainer(plain, 32, plain.length - 32)) {
            MessageContainers.forEach(plain, 32, plain.length - 32, (id, seq, b, at, len) -> {
                if (java.nio.ByteBuffer.wrap(b, at, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() == constructorId) {
                    found[0] = id;
                }
                return true;
            });
        } else if (java.nio.ByteBuffer.wrap(plain, 32, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() == constructorId) {
            found[0] = java.nio.ByteBuffer.wrap(plain, 16, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        }
        return found[0];
    }

    /** https://core.telegram.org/mtproto/service_messages_about_messages: +64, an answer was already made. */
    @Test
    void aCallLongUnansweredIsAskedAboutAndItsAnswerAskedForWhenTheServerHasOne() {
        AtomicLong travel = new AtomicLong();
        client = newClient(events, new MessageIdClock(() -> System.currentTimeMillis() + travel.get(), 0));
        initialize();
        OutgoingCall<NearestDcType> c = call(GetNearestDc.INSTANCE);
        client.nextPacket(false); // its answer never comes
        travel.set((SessionTimer.PROBE_AFTER_SECONDS + 1) * 1000);
        client.expire(System.nanoTime());
        OutboundPacket probe = client.nextPacket(false);
        long request = msgIdIn(probe, MsgsStateReq.CONSTRUCTOR_ID);
        assertThat(request).as("a msgs_state_req about it").isNotZero();
        MessageIdClock server = new MessageIdClock(() -> System.currentTimeMillis() + travel.get() + 1000, 0);
        receive(forged().frame(client.sessionId(), server.nextServerId(true), 101,
                new dev.mtproto.tl.mtproto.MsgsStateInfo(request, new byte[] {4 + 32 + 64}).toByteArray()));
        OutboundPacket again = client.nextPacket(false);
        assertThat(msgIdIn(again, MsgResendAnsReq.CONSTRUCTOR_ID)).as("msg_resend_ans_req for its answer").isNotZero();
        assertThat(c.acknowledged()).isTrue();
        assertThat(c.future()).isNotDone();
        assertThat(client.pendingCalls()).isEqualTo(1);
    }

    @Test
    void answersAreHandedOverUndecodedAndStillGzipped() {
        List<RpcAnswer> answers = clientKeepingAnswers();
        initialize(answers);
        OutgoingCall<SupportNameType> big = call(GetSupportName.INSTANCE);
        pump();
        assertThat(big.future()).as("nothing decoded it yet").isNotDone();
        RpcAnswer answer = answers.get(answers.size() - 1);
        assertThat(answer.size()).as("8,000 characters, still gzip-packed").isLessThan(1000);
        assertThat(answer.decode()).isEqualTo(new SupportName("support ".repeat(1000)));
    }

    /** The bytes the DC serves for a part: random (so gzip does not pay), a function of where the part is. */
    private static byte[] filePart(long offset, int limit) {
        byte[] b = new byte[limit];
        new java.util.Random(offset).nextBytes(b);
        return b;
    }

    private OutgoingCall<dev.mtproto.tl.api.upload.FileType> getFilePart(long offset, int limit) {
        return call(new dev.mtproto.tl.api.upload.GetFile(false, false,
                new dev.mtproto.tl.api.InputDocumentFileLocation(1, 1, new byte[0], ""), offset, limit));
    }

    /**
     * A large answer keeps the bytes of the frame it was decrypted from instead of a copy: it must still decode
     * to what the DC sent once later frames (large and small) were decrypted on the same thread and the frame
     * buffers the transport handed in were overwritten.
     */
    @Test
    void largeAnswersKeptUndecodedSurviveLaterFramesAndReusedBuffers() {
        List<RpcAnswer> answers = clientKeepingAnswers();
        initialize(answers);
        int limit = 256 * 1024;
        getFilePart(0, limit);
        pump(true);
        getFilePart(limit, limit); // a frame of the same size: it would land where the first one was
        pump(true);
        getFilePart(2L * limit, limit);
        getFilePart(3L * limit, limit); // answered together with the one before: a container holding both
        pump(true);
        call(GetNearestDc.INSTANCE); // a small frame, decrypted into the thread's shared buffer
        pump(true);
        assertThat(answers).hasSize(6);
        for (int i = 0; i < 4; i++) {
            Object part = answers.get(1 + i).decode();
            assertThat(((dev.mtproto.tl.api.upload.File) part).bytes()).as("part %d", i).isEqualTo(filePart((long) i * limit, limit));
        }
        assertThat(answers.get(5).decode()).isEqualTo(new NearestDc("XX", 2, 2));
    }

    /** @return the answers a new client gets, undecoded (not decoded in the listener, where the connection's lock would be held) */
    private List<RpcAnswer> clientKeepingAnswers() {
        List<RpcAnswer> answers = new ArrayList<>();
        client = newClient(new RecordingListener() {
            @Override
            public void onAnswer(OutgoingCall<?> call, RpcAnswer answer) {
                answers.add(answer);
            }
        });
        return answers;
    }

    private void initialize(List<RpcAnswer> answers) {
        call(GetNearestDc.INSTANCE);
        pump();
        assertThat(answers).singleElement().satisfies(a -> assertThat(a.decode()).isEqualTo(new NearestDc("XX", 2, 2)));
    }
}
