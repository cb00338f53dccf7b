/**
 * Encrypted MTProto sessions as state machines without I/O: {@link dev.mtproto.session.ClientSession}, what
 * a client does, and its parts (msg_id clock, seqnos, replay window, server salts, gzip, containers). The
 * server side (what a DC does; used by the test DC) is in {@link dev.mtproto.session.server} and shares some
 * of these parts.
 *
 * <p>Bytes go in, bytes and events come out; sockets, threads and timers belong to the caller
 * ({@code dev.mtproto.client}), which also makes the same code testable in memory.
 *
 * <h2>The client session</h2>
 * {@link dev.mtproto.session.ClientSession} is the façade; each part has one job:
 * <ul>
 *   <li>{@code OutboundPacker}: the queue; calls serialized at {@code submit} (gzipped from 512 bytes when
 *       that pays) and refused there with {@link dev.mtproto.session.RequestTooLargeException} when they
 *       cannot fit in one packet; acks owed; msg_ids and seqnos ({@code 2n+1} content-related, {@code 2n}
 *       otherwise); packets of up to 100 messages in a {@code msg_container}, cut before the transport's
 *       packet limit; the init wrapper ({@code invokeWithLayer(initConnection(...))}) around the first API
 *       call of each session and connection.</li>
 *   <li>{@code SentMessages}: messages waiting for an answer or ack, by msg_id; the messages of each
 *       container sent; quick-ack tokens.</li>
 *   <li>{@code InboundUnpacker}: decryption and msg_key, session id (ours or an abandoned one of ours),
 *       msg_id parity, replay window, time window (a message outside it is dropped and nothing in it is
 *       used; only a {@code bad_msg_notification} 16/17 naming a message of ours is accepted from outside
 *       it, since that is how the server corrects our clock, and an answer to a message of ours from ahead
 *       of it, which moves the clock ahead), containers (refused whole when an inner msg_id
 *       is not below the container's), {@code gzip_packed} (at most 4 levels), {@code msg_copy} (bounded).</li>
 *   <li>{@code ServiceMessages}: {@code rpc_result} (handed over undecoded as an
 *       {@link dev.mtproto.session.RpcAnswer}), acks, {@code bad_server_salt} (the server's salt wins over
 *       stored future salts, which are fetched again), {@code bad_msg_notification}, {@code
 *       new_session_created} (calls sent before its first_msg_id fail as outcome unknown: they may have run
 *       in the session the server lost), pongs, future salts, {@code destroy_session} answers; anything else
 *       goes to the listener as pushed updates, undecoded.</li>
 *   <li>{@code MessageStates}: the messages about messages: our {@code msgs_state_req} about calls and what
 *       its answer decides, the server's {@code msgs_state_req} (answered 1/2/3/4 with +8 acknowledged and +16
 *       needs no ack), {@code msg_resend_req} (answered as a state request for ids we do not have), detailed
 *       info.</li>
 *   <li>{@code ConnectionLoss}: a lost connection leaves sent calls to be asked about on the next one
 *       (possibly received, unless the DC refused the connection with -404); when the DC forgot the key, only
 *       calls it cannot have go to the next key's session, the others fail as outcome unknown.</li>
 *   <li>{@code SessionTimer}: deadlines, probes of calls unanswered for a minute, the replay window's
 *       forgetting, destroying abandoned sessions nothing of which waits.</li>
 *   <li>{@code AbandonedSessions}: a reset (32/33, 16/17 with the clock going back) sends again, under new
 *       msg_ids, only what the server cannot have executed: calls never sent, and the refused message if
 *       that was its only transmission. Other sent calls wait for their answers from the old session, whose
 *       frames stay accepted (a call the old session refuses after all, sent there once, goes in the new
 *       one); {@code destroy_session} goes once nothing of it waits; what is unanswered at its deadline
 *       fails with {@link dev.mtproto.session.OutcomeUnknownException}.</li>
 * </ul>
 *
 * <p>A sent call is never sent again under a new msg_id unless the server showed it did not take it: a
 * refused message transmitted more than once under its msg_id keeps that id (salt refusals) or is asked
 * about with {@code msgs_state_req}; so is a call unanswered for a minute, and every call unanswered when
 * the connection is lost (the server may have lost the session meanwhile). The answer decides: received
 * waits (and asks {@code msg_resend_ans_req} when an answer exists), not received resends, unknown fails as
 * outcome unknown.
 *
 * <p>Failures a call can get from the session: {@link dev.mtproto.session.RequestTimeoutException} (sent?
 * acknowledged?), {@link dev.mtproto.session.MessageRejectedException} (did not run),
 * {@link dev.mtproto.session.SessionClosedException}, {@link dev.mtproto.session.OutcomeUnknownException},
 * {@link dev.mtproto.session.RequestTooLargeException}; all extend
 * {@link dev.mtproto.session.ProtocolException} except the timeout.
 *
 * <p>Memory: an idle session after a few calls keeps about 13.6 KB (measured with JOL in
 * {@code SessionFootprintTest}); the replay window grows on demand up to its capacity and shrinks back as
 * old ids are forgotten, working buffers are shared per thread, and gzip codecs are shared by the JVM.
 */
package dev.mtproto.session;
