package dev.mtproto.client.proxy;

import dev.mtproto.MtprotoException;

/**
 * A proxy link could not be parsed: the message names what is wrong (the scheme, a missing or repeated
 * parameter, the port, the secret's encoding or shape). It never repeats the secret.
 */
public final class InvalidProxyLinkException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /** @param problem what is wrong with the link */
    public InvalidProxyLinkException(String problem) {
        super("invalid proxy link: " + problem);
    }
}
