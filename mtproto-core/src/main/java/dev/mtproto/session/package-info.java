/**
 * Encrypted MTProto sessions as state machines without I/O: {@link dev.mtproto.session.ClientSession}
 * (what a client does) and its parts: msg_id clock, seqnos, replay window, server salts, gzip, containers.
 * The server side (what a DC does; used by the test DC) is in {@link dev.mtproto.session.server}.
 *
 * <p>Bytes go in, bytes and events come out; sockets, threads and timers belong to the caller
 * ({@code dev.mtproto.client}), which also makes the same code testable in memory.
 */
package dev.mtproto.session;
