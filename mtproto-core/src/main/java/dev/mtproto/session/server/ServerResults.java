package dev.mtproto.session.server;

import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlWriter;
import java.util.List;

/** Serializes what a {@link ServerSession.CallHandler} returns, as the result of a TL function. */
final class ServerResults {
    private static final int VECTOR_ID = 0x1cb5c415;

    private ServerResults() {
    }

    /**
     * @param result a {@link TlObject}, a {@link Boolean}, or a {@link List} of {@code Integer}, {@code Long},
     *     {@code String}, {@code byte[]} or {@link TlObject}
     * @param w where to write it
     * @throws IllegalArgumentException for anything else
     */
    static void write(Object result, TlWriter w) {
        if (result instanceof TlObject o) {
            o.write(w);
        } else if (result instanceof Boolean b) {
            w.writeBool(b);
        } else if (result instanceof List<?> list) {
            w.writeInt(VECTOR_ID);
            w.writeInt(list.size());
            for (Object e : list) {
                if (e instanceof Integer i) {
                    w.writeInt(i);
                } else if (e instanceof Long l) {
                    w.writeLong(l);
                } else if (e instanceof String s) {
                    w.writeString(s);
                } else if (e instanceof byte[] b) {
                    w.writeBytes(b);
                } else if (e instanceof TlObject o) {
                    o.write(w);
                } else {
                    throw new IllegalArgumentException("cannot serialize a vector element of " + (e == null ? "null" : e.getClass()));
                }
            }
        } else {
            throw new IllegalArgumentException("cannot serialize a result of " + (result == null ? "null" : result.getClass()));
        }
    }
}
