package dev.mtproto.session;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.SecurityCheckException;
import dev.mtproto.session.server.ServerSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A DC without sockets for session tests: decrypts client packets, routes them to {@link ServerSession}s by
 * session id, and collects the server's packets. Its clock can be skewed.
 */
final class InMemoryDc {
    final AuthKey key;
    final long firstSalt;
    final AtomicLong skewMillis = new AtomicLong();
    final MessageIdClock clock = new MessageIdClock(() -> System.currentTimeMillis() + skewMillis.get(), 0);
    final Map<Long, ServerSession> sessions = new HashMap<>();
    final ServerSession.CallHandler handler;
    final RandomSource random = RandomSource.secure();
    /** Constructor ids of every message received (inner messages of containers included). */
    final List<Integer> receivedConstructors = new ArrayList<>();
    /** The body of every message received (inner messages of containers included), in order. */
    final List<byte[]> receivedBodies = new ArrayList<>();
    /** The salt of every packet received, in order. */
    final List<Long> packetSalts = new ArrayList<>();
    private final MessageCipher in;
    int rejectedFrames;

    InMemoryDc(AuthKey key, long firstSalt, ServerSession.CallHandler handler) {
        this.key = key;
        this.firstSalt = firstSalt;
        this.handler = handler;
        this.in = MessageCipher.forServer(key);
    }

    ServerSession session(long id) {
        return sessions.get(id);
    }

    /** Delivers one client packet, as a DC that received it would. */
    void receive(OutboundPacket packet) {
        receive(Arrays.copyOf(packet.buffer(), packet.length()));
    }

    void receive(byte[] frame) {
        byte[] plain = new byte[frame.length];
        int n;
        try {
            n = in.decrypt(frame, 0, frame.length, plain, 0);
        } catch (SecurityCheckException e) {
            rejectedFrames++;
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(plain, 0, n).order(ByteOrder.LITTLE_ENDIAN);
        long salt = b.getLong(0);
        long sessionId = b.getLong(8);
        long msgId = b.getLong(16);
        int seq = b.getInt(24);
        packetSalts.add(salt);
        record(b, 32, n - 32);
        ServerSession s = sessions.computeIfAbsent(sessionId, id -> {
            ServerSession created = new ServerSession(key, id, firstSalt, clock, random, handler);
            created.otherSessions(other -> other != id && sessions.remove(other) != null);
            return created;
        });
        s.receive(salt, msgId, seq, plain, 32, n - 32);
    }

    private void record(ByteBuffer b, int off, int len) {
        int id = b.getInt(off);
        if (id != dev.mtproto.tl.mtproto.MsgContainer.CONSTRUCTOR_ID) {
            receivedConstructors.add(id);
            receivedBodies.add(Arrays.copyOfRange(b.array(), off, off + len));
            return;
        }
        int count = b.getInt(off + 4);
        int p = off + 8;
        for (int i = 0; i < count; i++) {
            int bytes = b.getInt(p + 12);
            receivedConstructors.add(b.getInt(p + 16));
            receivedBodies.add(Arrays.copyOfRange(b.array(), p + 16, p + 16 + bytes));
            p += 16 + bytes;
        }
    }

    /** @return every {@code msgs_state_info} the client sent, decoded */
    List<dev.mtproto.tl.mtproto.MsgsStateInfo> stateInfos() {
        List<dev.mtproto.tl.mtproto.MsgsStateInfo> out = new ArrayList<>();
        for (byte[] body : receivedBodies) {
            dev.mtproto.tl.TlReader r = new dev.mtproto.tl.TlReader(body);
            if (r.peekInt() == dev.mtproto.tl.mtproto.MsgsStateInfo.CONSTRUCTOR_ID) {
                r.readInt();
                out.add(dev.mtproto.tl.mtproto.MsgsStateInfo.readBare(r));
            }
        }
        return out;
    }

    /** @return every packet the DC's sessions want to send, encrypted */
    List<byte[]> drain() {
        List<byte[]> out = new ArrayList<>();
        for (ServerSession s : sessions.values()) {
            OutboundPacket p;
            while ((p = s.nextPacket()) != null) {
                out.add(Arrays.copyOf(p.buffer(), p.length()));
            }
        }
        return out;
    }
}
