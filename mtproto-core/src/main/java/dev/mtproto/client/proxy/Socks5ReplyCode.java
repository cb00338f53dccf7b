package dev.mtproto.client.proxy;

/** The reply codes of a SOCKS5 {@code CONNECT} (RFC 1928, section 6) other than success, and the step each fails. */
enum Socks5ReplyCode {
    GENERAL_FAILURE(1, ProxyStep.TARGET_REFUSED, "general SOCKS server failure"),
    NOT_ALLOWED(2, ProxyStep.TARGET_REFUSED, "connection not allowed by ruleset"),
    NETWORK_UNREACHABLE(3, ProxyStep.TARGET_REFUSED, "network unreachable"),
    HOST_UNREACHABLE(4, ProxyStep.TARGET_REFUSED, "host unreachable"),
    CONNECTION_REFUSED(5, ProxyStep.TARGET_REFUSED, "connection refused"),
    TTL_EXPIRED(6, ProxyStep.TARGET_REFUSED, "TTL expired"),
    COMMAND_NOT_SUPPORTED(7, ProxyStep.PROTOCOL_ERROR, "command not supported"),
    ADDRESS_TYPE_NOT_SUPPORTED(8, ProxyStep.PROTOCOL_ERROR, "address type not supported");

    private final int code;
    private final ProxyStep step;
    private final String text;

    Socks5ReplyCode(int code, ProxyStep step, String text) {
        this.code = code;
        this.step = step;
        this.text = text;
    }

    int code() {
        return code;
    }

    ProxyStep step() {
        return step;
    }

    /**
     * @param code a reply code other than 0 (succeeded)
     * @return the failure it means; an unassigned code is a protocol error
     */
    static HandshakeFailure failure(int code) {
        for (Socks5ReplyCode c : values()) {
            if (c.code == code) {
                return new HandshakeFailure(c.step, "the proxy could not connect to the target: " + c.text + " (reply " + code + ")");
            }
        }
        return new HandshakeFailure(ProxyStep.PROTOCOL_ERROR, "the proxy sent the unassigned reply code " + code);
    }
}
