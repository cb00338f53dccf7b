/**
 * The server side of encrypted MTProto sessions, without I/O: what a Telegram DC does with a client's
 * messages. {@link dev.mtproto.session.server.ServerSession} is the entry point; the in-process test DC
 * ({@code dev.mtproto.testkit}) drives it over real sockets, and session tests drive it in memory.
 */
package dev.mtproto.session.server;
