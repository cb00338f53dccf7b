package dev.mtproto.testkit.world.pfs;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.MtprotoV1Message;
import dev.mtproto.tl.TlDecodeException;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.BindAuthKeyInner;
import java.util.Optional;

/**
 * The {@code encrypted_message} of {@code auth.bindTempAuthKey}, opened and checked as
 * https://core.telegram.org/method/auth.bindTempAuthKey#encrypting-the-binding-message says: encrypted
 * "in the usual way, but with MTProto v1" with the permanent key, that is
 * {@code perm_auth_key_id | msg_key | AES-IGE(random:int128 | msg_id | seqno | msg_len | bind_auth_key_inner | padding)}
 * with {@code msg_key} the lower 128 bits of SHA-1 of the plaintext before padding, and the AES key and IV
 * derived from the key and {@code msg_key} as MTProto v1 did (x = 0, client to server). The message must
 * carry the request's own msg_id, seqno 0, msg_len 40, at most 15 bytes of padding, and a
 * {@code bind_auth_key_inner}.
 */
final class BindingMessage {
    private static final int INNER_LENGTH = 40;

    private BindingMessage() {
    }

    /**
     * @param encrypted {@code encrypted_message}
     * @param permKey the permanent key it names
     * @param requestMsgId the msg_id of the {@code auth.bindTempAuthKey} request
     * @return the inner message, or empty if anything about the message is wrong
     */
    static Optional<BindAuthKeyInner> open(byte[] encrypted, AuthKey permKey, long requestMsgId) {
        Optional<MtprotoV1Message.Opened> opened = MtprotoV1Message.open(encrypted, permKey);
        if (opened.isEmpty() || opened.get().msgId() != requestMsgId || opened.get().seqNo() != 0
                || opened.get().body().length != INNER_LENGTH) {
            return Optional.empty();
        }
        try {
            TlReader r = new TlReader(opened.get().body());
            if (r.readInt() != BindAuthKeyInner.CONSTRUCTOR_ID) {
                return Optional.empty();
            }
            return Optional.of(BindAuthKeyInner.readBare(r));
        } catch (TlDecodeException e) {
            return Optional.empty();
        }
    }
}
