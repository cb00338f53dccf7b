package dev.mtproto.session.server;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MessageCipher;
import dev.mtproto.session.MessageContainers;
import dev.mtproto.session.OutboundPacket;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads what a {@link ServerSession} sends, as its client would: decrypted, containers opened, bodies decoded. */
final class ServerReplies {
    /** One message the server sent. */
    record Message(long msgId, TlObject body) {
    }

    private ServerReplies() {
    }

    /** @return every message the server has queued, draining it */
    static List<Message> drain(ServerSession server, AuthKey key) {
        List<Message> out = new ArrayList<>();
        MessageCipher cipher = MessageCipher.forClient(key);
        OutboundPacket p;
        while ((p = server.nextPacket()) != null) {
            byte[] plain = cipher.decrypt(Arrays.copyOf(p.buffer(), p.length()));
            if (MessageContainers.isContainer(plain, 32, plain.length - 32)) {
                MessageContainers.forEach(plain, 32, plain.length - 32, (id, s, b, at, len) -> {
                    out.add(new Message(id, body(b, at, len)));
                    return true;
                });
            } else {
                long id = ByteBuffer.wrap(plain, 16, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                out.add(new Message(id, body(plain, 32, plain.length - 32)));
            }
        }
        return out;
    }

    /** @return the bodies of every message the server has queued, draining it */
    static List<TlObject> bodies(ServerSession server, AuthKey key) {
        return drain(server, key).stream().map(Message::body).toList();
    }

    private static TlObject body(byte[] b, int off, int len) {
        return new TlReader(b, off, len).readObject();
    }
}
