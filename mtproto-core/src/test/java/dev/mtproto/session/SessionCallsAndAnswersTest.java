package dev.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.rpc.FloodWaitException;
import dev.mtproto.rpc.MigrateException;
import dev.mtproto.rpc.RpcException;
import dev.mtproto.tl.api.NearestDc;
import dev.mtproto.tl.api.NearestDcType;
import dev.mtproto.tl.api.help.GetCountriesList;
import dev.mtproto.tl.api.help.GetNearestDc;
import dev.mtproto.tl.api.help.GetSupportName;
import dev.mtproto.tl.api.help.SupportName;
import dev.mtproto.tl.api.help.SupportNameType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls made through a {@link ClientSession} to the in-memory DC and what comes back: the first call wrapped in
 * initConnection, calls refused or retried when the connection is not initialized, RPC errors as typed
 * exceptions, and answers handed to the listener undecoded (still gzipped, still valid once the frame buffers
 * they came in are reused).
 */
class SessionCallsAndAnswersTest {
    private final ClientServerPair pair = new ClientServerPair();

    @Test
    void firstCallWrappedInInitConnectionGetsItsResultAndTheServerAnnouncesTheSession() {
        pair.initialize();
        assertThat(pair.events.newSessions).isEqualTo(1);
        assertThat(pair.dc.session(pair.client.sessionId()).layer()).isEqualTo(223);
        OutgoingCall<NearestDcType> plain = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(plain.future()).isCompletedWithValue(new NearestDc("XX", 2, 2));
        assertThat(pair.events.drops).isEmpty();
        assertThat(pair.client.pendingCalls()).isZero();
    }

    @Test
    void apiCallsBeforeInitConnectionAreRefused() {
        pair.client.initWrapper(null);
        OutgoingCall<NearestDcType> c = pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(c.future()).isCompletedExceptionally();
        assertThat(pair.events.errors).singleElement().isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.errorMessage()).isEqualTo("CONNECTION_NOT_INITED");
        });
    }

    @Test
    void connectionNotInitedIsRetriedOnceThenReported() {
        pair.initialize();
        OutgoingCall<?> c = pair.call(new GetCountriesList("400:CONNECTION_NOT_INITED", 0));
        pair.pump();
        assertThat(c.future()).isCompletedExceptionally();
        assertThat(pair.executions.get("help.getCountriesList")).as("the first try and one re-initialized try").isEqualTo(2);
    }

    @Test
    void rpcErrorsBecomeTypedExceptions() {
        pair.initialize();
        OutgoingCall<?> flood = pair.call(new GetCountriesList("420:FLOOD_WAIT_7", 0));
        OutgoingCall<?> migrate = pair.call(new GetCountriesList("303:PHONE_MIGRATE_4", 0));
        OutgoingCall<?> plain = pair.call(new GetCountriesList("400:PEER_ID_INVALID", 0));
        pair.pump();
        assertThat(flood.future()).isCompletedExceptionally();
        assertThat(pair.events.errors).hasSize(3);
        assertThat(pair.events.errors.get(0)).isInstanceOfSatisfying(FloodWaitException.class, e -> assertThat(e.waitSeconds()).isEqualTo(7));
        assertThat(pair.events.errors.get(1)).isInstanceOfSatisfying(MigrateException.class, e -> {
            assertThat(e.targetDc()).isEqualTo(4);
            assertThat(e.kind()).isEqualTo(MigrateException.Kind.PHONE);
            assertThat(e.kind().movesHomeDc()).isTrue();
        });
        assertThat(pair.events.errors.get(2)).isExactlyInstanceOf(RpcException.class)
                .hasMessage("help.getCountriesList failed: 400 PEER_ID_INVALID");
        assertThat(migrate.future()).isCompletedExceptionally();
        assertThat(plain.future()).isCompletedExceptionally();
    }

    @Test
    void answersAreHandedOverUndecodedAndStillGzipped() {
        List<RpcAnswer> answers = clientKeepingAnswers();
        initialize(answers);
        OutgoingCall<SupportNameType> big = pair.call(GetSupportName.INSTANCE);
        pair.pump();
        assertThat(big.future()).as("nothing decoded it yet").isNotDone();
        RpcAnswer answer = answers.get(answers.size() - 1);
        assertThat(answer.size()).as("8,000 characters, still gzip-packed").isLessThan(1000);
        assertThat(answer.decode()).isEqualTo(new SupportName("support ".repeat(1000)));
    }

    private OutgoingCall<dev.mtproto.tl.api.upload.FileType> getFilePart(long offset, int limit) {
        return pair.call(new dev.mtproto.tl.api.upload.GetFile(false, false,
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
        pair.pump(true);
        getFilePart(limit, limit); // a frame of the same size: it would land where the first one was
        pair.pump(true);
        getFilePart(2L * limit, limit);
        getFilePart(3L * limit, limit); // answered together with the one before: a container holding both
        pair.pump(true);
        pair.call(GetNearestDc.INSTANCE); // a small frame, decrypted into the thread's shared buffer
        pair.pump(true);
        assertThat(answers).hasSize(6);
        for (int i = 0; i < 4; i++) {
            Object part = answers.get(1 + i).decode();
            assertThat(((dev.mtproto.tl.api.upload.File) part).bytes()).as("part %d", i).isEqualTo(ClientServerPair.filePart((long) i * limit, limit));
        }
        assertThat(answers.get(5).decode()).isEqualTo(new NearestDc("XX", 2, 2));
    }

    /** @return the answers a new client gets, undecoded (not decoded in the listener, where the connection's lock would be held) */
    private List<RpcAnswer> clientKeepingAnswers() {
        List<RpcAnswer> answers = new ArrayList<>();
        pair.client = pair.newClient(new RecordingListener() {
            @Override
            public void onAnswer(OutgoingCall<?> call, RpcAnswer answer) {
                answers.add(answer);
            }
        });
        return answers;
    }

    private void initialize(List<RpcAnswer> answers) {
        pair.call(GetNearestDc.INSTANCE);
        pair.pump();
        assertThat(answers).singleElement().satisfies(a -> assertThat(a.decode()).isEqualTo(new NearestDc("XX", 2, 2)));
    }
}
