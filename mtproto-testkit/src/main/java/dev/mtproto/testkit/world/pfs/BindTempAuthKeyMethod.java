package dev.mtproto.testkit.world.pfs;

import dev.mtproto.keyexchange.KeyLifetime;
import dev.mtproto.testkit.DcKey;
import dev.mtproto.testkit.world.authorizations.Authorizations;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.auth.BindTempAuthKey;
import dev.mtproto.tl.mtproto.BindAuthKeyInner;

/**
 * {@code auth.bindTempAuthKey} (https://core.telegram.org/api/pfs,
 * https://core.telegram.org/method/auth.bindTempAuthKey), checked in this order:
 * <ol>
 *   <li>sent on a permanent key: {@code 400 TEMP_AUTH_KEY_EMPTY};</li>
 *   <li>{@code encrypted_message} not made with a permanent key of this DC named by {@code perm_auth_key_id},
 *       not opening as {@link BindingMessage} says, or its {@code bind_auth_key_inner} not matching the call
 *       ({@code nonce}, {@code perm_auth_key_id}, {@code expires_at}) and the key and session it came on
 *       ({@code temp_auth_key_id}, {@code temp_session_id}): {@code 400 ENCRYPTED_MESSAGE_INVALID};</li>
 *   <li>{@code expires_at} already past, or later than the temporary key lives (with the 300 s a client's
 *       clock may be off): {@code 400 EXPIRES_AT_INVALID};</li>
 *   <li>the temporary key bound to another permanent key: {@code 400 TEMP_AUTH_KEY_ALREADY_BOUND}.</li>
 * </ol>
 * Then calls on the temporary key act for the permanent key until {@code expires_at}; a temporary key bound
 * to the permanent key before is let go ("binding a new temporary key overwrites the previous one").
 */
public final class BindTempAuthKeyMethod {
    private static final long CLOCK_SLACK_SECONDS = 300;

    private final Authorizations authorizations;

    /** @param authorizations who is signed in where, and which keys are bound */
    public BindTempAuthKeyMethod(Authorizations authorizations) {
        this.authorizations = authorizations;
    }

    /** @param handlers where the world's functions go */
    public void register(WorldHandlers handlers) {
        handlers.on(BindTempAuthKey.class, this::bind);
    }

    private Object bind(BindTempAuthKey m, Caller c) {
        if (!c.temporaryKey()) {
            throw WorldErrors.of(400, "TEMP_AUTH_KEY_EMPTY", c.call());
        }
        KeyLifetime tempLifetime = c.call().dc().inspection().authKey(c.call().authKeyId()).map(DcKey::lifetime).orElse(KeyLifetime.permanent());
        BindAuthKeyInner inner = c.call().dc().inspection().authKey(m.permAuthKeyId())
                .filter(k -> !k.temporary())
                .flatMap(k -> BindingMessage.open(m.encryptedMessage(), k.authKey(), c.call().requestMsgId()))
                .filter(i -> i.nonce() == m.nonce() && i.permAuthKeyId() == m.permAuthKeyId() && i.expiresAt() == m.expiresAt()
                        && i.tempAuthKeyId() == c.call().authKeyId() && i.tempSessionId() == c.call().sessionId())
                .orElseThrow(() -> WorldErrors.of(400, "ENCRYPTED_MESSAGE_INVALID", c.call()));
        long keyExpiry = tempLifetime instanceof KeyLifetime.Temporary t ? t.expiresAtEpochSecond() : Long.MAX_VALUE;
        if (inner.expiresAt() <= c.nowSeconds() || inner.expiresAt() > keyExpiry + CLOCK_SLACK_SECONDS) {
            throw WorldErrors.of(400, "EXPIRES_AT_INVALID", c.call());
        }
        if (!authorizations.bind(c.dcId(), c.call().authKeyId(), m.permAuthKeyId(), Math.min(inner.expiresAt(), keyExpiry))) {
            throw WorldErrors.of(400, "TEMP_AUTH_KEY_ALREADY_BOUND", c.call());
        }
        return Boolean.TRUE;
    }
}
