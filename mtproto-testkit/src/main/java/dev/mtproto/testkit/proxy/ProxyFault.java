package dev.mtproto.testkit.proxy;

/** How a testkit proxy misbehaves on the next connections, for tests of the client's error handling. */
public enum ProxyFault {
    /** Behave: authenticate and tunnel. */
    NONE,
    /** Refuse every client's credentials, right or wrong. */
    REFUSE_AUTH,
    /** Read the client's first message (an MTProxy front: the ClientHello), then close the connection without answering. */
    CLOSE_MID_HANDSHAKE,
    /** Authenticate, then say the target cannot be reached. */
    REFUSE_TARGET,
    /** {@link MtproxyFront} only: answer a FakeTLS ClientHello with a reply whose HMAC is wrong. */
    BAD_SERVER_HMAC
}
