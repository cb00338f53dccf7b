/**
 * The authorization-key exchange of <a href="https://core.telegram.org/mtproto/auth_key">auth_key</a> as
 * sans-IO state machines: {@link dev.mtproto.keyexchange.ClientKeyExchange} for the client and
 * {@link dev.mtproto.keyexchange.ServerKeyExchange} for the in-process test DC. Both consume and produce
 * whole unencrypted messages ({@link dev.mtproto.keyexchange.UnencryptedMessage}); framing, sockets and
 * timeouts belong to the caller. Every check failure is a
 * {@link dev.mtproto.keyexchange.KeyExchangeException} naming the step and the check.
 */
package dev.mtproto.keyexchange;
