package dev.mtproto.session.server;

import dev.mtproto.tl.TlMethod;
import dev.mtproto.tl.api.InitConnection;
import dev.mtproto.tl.api.InvokeAfterMsg;
import dev.mtproto.tl.api.InvokeAfterMsgs;
import dev.mtproto.tl.api.InvokeWithBusinessConnection;
import dev.mtproto.tl.api.InvokeWithLayer;
import dev.mtproto.tl.api.InvokeWithMessagesRange;
import dev.mtproto.tl.api.InvokeWithTakeout;
import dev.mtproto.tl.api.InvokeWithoutUpdates;
import java.util.function.IntConsumer;

/**
 * The wrappers a client puts around API calls: {@code invokeWithLayer}, {@code initConnection},
 * {@code invokeWithoutUpdates}, {@code invokeAfterMsg(s)}, {@code invokeWithTakeout},
 * {@code invokeWithMessagesRange}, {@code invokeWithBusinessConnection}.
 */
public final class CallWrappers {
    private CallWrappers() {
    }

    /**
     * Removes every wrapper.
     *
     * @param method a call as sent
     * @param layerSeen told the layer of an {@code invokeWithLayer}, if there is one
     * @return the innermost call
     */
    public static TlMethod<?> unwrap(TlMethod<?> method, IntConsumer layerSeen) {
        TlMethod<?> m = method;
        while (true) {
            if (m instanceof InvokeWithLayer<?> w) {
                layerSeen.accept(w.layer());
                m = w.query();
            } else if (m instanceof InitConnection<?> w) {
                m = w.query();
            } else if (m instanceof InvokeWithoutUpdates<?> w) {
                m = w.query();
            } else if (m instanceof InvokeAfterMsg<?> w) {
                m = w.query();
            } else if (m instanceof InvokeAfterMsgs<?> w) {
                m = w.query();
            } else if (m instanceof InvokeWithTakeout<?> w) {
                m = w.query();
            } else if (m instanceof InvokeWithMessagesRange<?> w) {
                m = w.query();
            } else if (m instanceof InvokeWithBusinessConnection<?> w) {
                m = w.query();
            } else {
                return m;
            }
        }
    }
}
