package dev.mtproto.session.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mtproto.session.MessageContainers;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlWriter;
import dev.mtproto.tl.mtproto.BadMsgNotification;
import dev.mtproto.tl.mtproto.GzipPacked;
import dev.mtproto.tl.mtproto.RpcResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test DC's checks on what a client sends that the session tests next door do not cover: nested
 * containers and gzip bombs (https://core.telegram.org/mtproto/description, "Containers" and
 * "Packed Object"). Each forged message must run nothing, and the session must still serve the next call.
 */
class ServerReceivedRulesTest {
    private SessionFixture f;

    @BeforeEach
    void setUp() {
        f = new SessionFixture(ServerSessionSettings.lenient());
    }

    /** After the forged message the session still runs a genuine call, exactly once. */
    private void assertTheSessionStillWorks() {
        f.replies();
        f.send(SessionFixture.call());
        assertThat(f.results()).hasSize(1);
        assertThat(f.executions).hasValue(1);
    }

    /** description, "Containers": a msg_container may not hold another; the call inside the inner one never runs. */
    @Test
    void aContainerInsideAContainerRunsNothing() {
        long innerCall = f.nextId();
        long innerContainer = f.nextId();
        long outer = f.nextId();
        TlWriter inner = new TlWriter();
        int at = MessageContainers.begin(inner, innerContainer, 0, 1);
        MessageContainers.writeMessage(inner, innerCall, f.nextSeq(), SessionFixture.call().toByteArray());
        MessageContainers.end(inner, at);
        byte[] innerAll = inner.toByteArray();
        byte[] innerBody = java.util.Arrays.copyOfRange(innerAll, 16, innerAll.length);

        TlWriter w = new TlWriter();
        int outerAt = MessageContainers.begin(w, outer, 0, 1);
        MessageContainers.writeMessage(w, innerContainer, f.evenSeq(), innerBody);
        MessageContainers.end(w, outerAt);
        byte[] all = w.toByteArray();
        Throwable thrown = catchThrowable(() -> f.server.receive(SessionFixture.SALT, outer, 0, all, 16, all.length - 16));
        assertThat(thrown).as("refused with a notification, the connection kept").isNull();
        var replies = f.replies();
        assertThat(replies).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(BadMsgNotification.class, n -> {
            assertThat(n.badMsgId()).as("the inner container").isEqualTo(innerContainer);
            assertThat(n.errorCode()).as("invalid container").isEqualTo(64);
        }));
        assertThat(f.executions).as("the nested call ran").hasValue(0);
        assertThat(replies).noneMatch(o -> o instanceof RpcResult r && r.reqMsgId() == innerCall);
        assertTheSessionStillWorks();
    }

    /**
     * A gzip bomb from a client: a gzip_packed call declaring more than the server's bound (16 MiB) is
     * refused before the memory is reserved, and runs nothing.
     */
    @Test
    void aGzipBombIsRefusedBeforeItIsInflated() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i <= ServerSession.MAX_INFLATED_SIZE >> 20; i++) {
                gz.write(zeros);
            }
        }
        GzipPacked bomb = new GzipPacked(packed.toByteArray());
        Throwable thrown = catchThrowable(() -> f.send(bomb));
        assertThat(thrown).isInstanceOf(TlDecodeException.class)
                .hasMessageContaining("more than the limit of " + ServerSession.MAX_INFLATED_SIZE);
        assertThat(f.executions).hasValue(0);
        assertTheSessionStillWorks();
    }
}
