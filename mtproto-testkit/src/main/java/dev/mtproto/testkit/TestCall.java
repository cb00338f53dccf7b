package dev.mtproto.testkit;

import dev.mtproto.tl.TlMethod;

/**
 * A call as a test handler sees it.
 *
 * @param method the function, with {@code invokeWithLayer}/{@code initConnection} and the like removed
 * @param dcId the DC that received it
 * @param authKeyId the id of the client's authorization key (a temporary key's own id, bound or not)
 * @param sessionId the client's session id
 * @param layer the layer the client announced
 * @param dc the DC, to push updates or look at state
 * @param requestMsgId the msg_id the client sent the call with
 */
public record TestCall(TlMethod<?> method, int dcId, long authKeyId, long sessionId, int layer, TestDc dc, long requestMsgId) {
    /**
     * @return whether the client created its key for a test DC (DC id + 10000 in the key exchange), as
     *     Telegram's test DCs say in {@code config.test_mode}
     */
    public boolean testMode() {
        return dc.isTestModeKey(authKeyId);
    }
}
