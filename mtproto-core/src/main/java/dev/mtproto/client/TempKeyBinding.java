package dev.mtproto.client;

import dev.mtproto.crypto.MtprotoV1Message;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.session.ClientSession;
import dev.mtproto.session.OutgoingCall;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.tl.api.auth.BindTempAuthKey;
import dev.mtproto.tl.mtproto.BindAuthKeyInner;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * {@code auth.bindTempAuthKey} exactly as https://core.telegram.org/method/auth.bindTempAuthKey says: sent
 * in the temporary key's session before anything else (wrapped in initConnection, as the first API call), with a {@code bind_auth_key_inner} (a random nonce,
 * both key ids, the session id, the expiry) that is encrypted the MTProto 1.0 way with the permanent key and
 * carries the msg_id of the very request (reserved from the session before the body is built), seqno 0.
 */
final class TempKeyBinding {
    private TempKeyBinding() {
    }

    /**
     * Queues the binding in the session; call under the connection's lock, before anything else is queued.
     *
     * @return the binding call, whose future says whether the DC accepted it
     */
    static OutgoingCall<Boolean> submit(ClientSession session, DcAuthorization permanent, TempKey temporary, RandomSource random,
                                        Duration timeout) {
        byte[] nonceBytes = new byte[8];
        random.nextBytes(nonceBytes, 0, 8);
        long nonce = ByteBuffer.wrap(nonceBytes).getLong();
        int expiresAt = (int) temporary.expiresAt().getEpochSecond();
        long msgId = session.reserveMessageId();
        BindAuthKeyInner inner = new BindAuthKeyInner(nonce, temporary.key().id(), permanent.authKey().id(), session.sessionId(), expiresAt);
        byte[] sealed = MtprotoV1Message.seal(permanent.authKey(), msgId, 0, inner.toByteArray(), random);
        BindTempAuthKey method = new BindTempAuthKey(permanent.authKey().id(), nonce, expiresAt, sealed);
        OutgoingCall<Boolean> call = new OutgoingCall<>(method, method.tlName(), OutgoingCall.deadlineAfter(timeout));
        session.submitWithId(call, msgId);
        return call;
    }
}
