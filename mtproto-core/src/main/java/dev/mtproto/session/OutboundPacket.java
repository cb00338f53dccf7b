package dev.mtproto.session;

/**
 * An encrypted packet ready for the transport: {@code buffer[0, length)}. The buffer belongs to the
 * session and is overwritten by the next packet, so send it before asking for another.
 *
 * @param buffer the bytes
 * @param length how many of them
 * @param quickAck whether to ask the transport for a quick acknowledgement
 */
public record OutboundPacket(byte[] buffer, int length, boolean quickAck) {
}
