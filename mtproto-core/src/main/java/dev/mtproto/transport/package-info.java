/**
 * MTProto TCP transports, sans-IO: state machines over bytes that never touch a socket, shared by the
 * client, the testkit's in-process DCs (server side) and the tests.
 *
 * <h2>Layering</h2>
 * <pre>
 *  socket bytes
 *     |  ^
 *     v  |   [StreamLayer: {@link dev.mtproto.transport.FakeTlsRecordLayer}]  (ee secrets)
 *     v  |   [StreamLayer: {@link dev.mtproto.transport.ObfuscatedStream}]  (obfuscated2, MTProxy)
 *     v  |   {@link dev.mtproto.transport.FrameCodec}: abridged | intermediate | padded | full
 *     v  |
 *  MTProto packets (to/from the session)
 * </pre>
 * <ul>
 *   <li>A {@link dev.mtproto.transport.FrameCodec} (one class per {@link dev.mtproto.transport.TransportKind},
 *       built for a {@link dev.mtproto.transport.TransportSide}) turns packets into frames and a byte
 *       stream back into frames, quick-ack tokens and transport errors
 *       ({@link dev.mtproto.transport.FrameListener}, or {@link dev.mtproto.transport.InboundEvent} values).
 *       It knows nothing about connection tags, encryption or sockets.</li>
 *   <li>A {@link dev.mtproto.transport.StreamLayer} sees only bytes: {@code outbound} towards the socket,
 *       {@code inbound} from it, plus a {@code preamble} it sends first. Layers are stacked in a list,
 *       index 0 nearest the codec, and wired once into a chain of {@link dev.mtproto.transport.ByteSink}s,
 *       so a frame costs no allocation on the way.</li>
 *   <li>{@link dev.mtproto.transport.ClientTransport} builds the stack from (kind, obfuscated?, MTProxy
 *       secret?, DC id?) and computes the connection preamble: starting from the codec's connection tag
 *       (or nothing, when obfuscation carries the tag inside its header), each layer from the codec
 *       outwards prepends its own preamble to the inner preamble it has transformed.</li>
 *   <li>{@link dev.mtproto.transport.ServerTransport} detects the client's transport from its first bytes,
 *       then builds the same stack for the server side.</li>
 * </ul>
 *
 * <h2>FakeTLS</h2>
 * With an {@code ee} MTProxy secret the client first exchanges a ClientHello and the proxy's reply
 * ({@link dev.mtproto.transport.FakeTlsClientHandshake}, a state machine over bytes that the client's
 * dialer runs before the transport starts, so no client data is sent before the proxy's HMAC is checked).
 * {@link dev.mtproto.transport.ClientTransport} then appends a
 * {@link dev.mtproto.transport.FakeTlsRecordLayer} after the obfuscation layer (nearer the socket): its
 * preamble is the change_cipher_spec record, {@code outbound} wraps bytes into {@code 17 03 03} records of
 * at most 16 KiB, and {@code inbound} strips record headers, whatever the read boundaries. The 64-byte
 * obfuscated2 header flows through its {@code outbound} like any data. The proxy's side of the handshake is
 * {@link dev.mtproto.transport.FakeTlsServerHandshake}; {@link dev.mtproto.transport.ServerTransport} (a DC
 * endpoint) does not speak FakeTLS.
 *
 * <h2>Limits and checks</h2>
 * <ul>
 *   <li>Every codec has a maximum payload length (default
 *       {@link dev.mtproto.transport.FrameCodec#DEFAULT_MAX_FRAME_LENGTH}, 2 MiB), checked on the header
 *       before anything is allocated; a partial frame's buffer grows with the bytes actually received (up to
 *       64 KiB; past that it takes the frame's checked length).</li>
 *   <li>Zero lengths, lengths that are not multiples of 4 (abridged by construction, intermediate, full),
 *       full-transport CRC32 and sequence numbers are checked; failures throw
 *       {@link dev.mtproto.transport.TransportException} (or
 *       {@link dev.mtproto.transport.FrameTooLargeException}) naming what was wrong, and the decoder stays
 *       failed.</li>
 *   <li>Negative 4-byte payloads from a server are transport errors, reported through
 *       {@link dev.mtproto.transport.FrameListener#onTransportError} (by default thrown as
 *       {@link dev.mtproto.transport.TransportErrorException}), never as frames.</li>
 *   <li>Server detection holds at most 64 bytes.</li>
 * </ul>
 *
 * <h2>Buffers</h2>
 * Codecs hand their sinks one buffer per frame that they own, so layers encrypt in place; the caller's
 * payload is never modified. On the way in, layers decrypt the caller's read buffer in place, and frames
 * that lie entirely inside one chunk are reported as views into it without a copy.
 */
package dev.mtproto.transport;
