package dev.mtproto.keyexchange;

import dev.mtproto.tl.TlObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An unencrypted MTProto message, the envelope of every key-exchange message
 * (<a href="https://core.telegram.org/mtproto/description#unencrypted-message">description</a>):
 *
 * <pre>
 * auth_key_id = 0 (int64) | message_id (int64) | message_data_length (int32) | message_data
 * </pre>
 *
 * All integers are little-endian. The transport's framing is not part of it.
 *
 * <p>Immutable: the body is copied in and out. {@code toString} shows the id and the body length only.
 *
 * @param messageId the {@code msg_id}
 * @param body the {@code message_data}: one boxed TL object, a multiple of 4 bytes long
 */
public record UnencryptedMessage(long messageId, byte[] body) {
    /** Length of the header before {@code message_data}: 8 + 8 + 4 bytes. */
    public static final int HEADER_LENGTH = 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final String ENVELOPE = "unencrypted message";

    /**
     * Creates a message.
     *
     * @param messageId the {@code msg_id}
     * @param body the {@code message_data}, copied
     * @throws IllegalArgumentException if the body is empty or its length is not a multiple of 4
     */
    public UnencryptedMessage {
        Objects.requireNonNull(body, "body");
        if (body.length == 0 || (body.length & 3) != 0) {
            throw new IllegalArgumentException("message_data must be a non-empty multiple of 4 bytes, not "
                    + body.length);
        }
        body = body.clone();
    }

    /**
     * Returns the {@code message_data}.
     *
     * @return a copy
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body without copying, for this package. */
    byte[] bodyBytes() {
        return body;
    }

    /**
     * Writes the message: {@code auth_key_id = 0}, {@code msg_id}, length, body.
     *
     * @return a new array of {@link #HEADER_LENGTH} + body length bytes
     */
    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + body.length];
        LONGS.set(out, 8, messageId);
        INTS.set(out, 16, body.length);
        System.arraycopy(body, 0, out, HEADER_LENGTH, body.length);
        return out;
    }

    /**
     * Wraps one TL object for sending: the next {@code msg_id} of {@code ids}, checked against the sender's
     * parity rule.
     *
     * @throws IllegalStateException if the source returned an id of the wrong parity (a broken source)
     */
    static EncodedMessage wrap(TlObject object, MessageIdSource ids, MessageOrigin sender) {
        long messageId = ids.nextMessageId();
        if (!sender.isValidMessageId(messageId)) {
            throw new IllegalStateException("the MessageIdSource returned msg_id "
                    + Long.toUnsignedString(messageId) + ", which is not " + sender.parityRule());
        }
        return new EncodedMessage(new UnencryptedMessage(messageId, TlBytes.of(object)).encode());
    }

    /**
     * Parses and checks a received unencrypted message.
     *
     * @param payload the whole message as the transport delivered it
     * @param sender who must have sent it, which fixes the {@code msg_id} parity
     * @return the message
     * @throws KeyExchangeException (step {@code "unencrypted message"}) if the payload is shorter than the
     *     header, {@code auth_key_id} is not 0, the {@code msg_id} parity is wrong for the sender, or
     *     {@code message_data_length} is not a positive multiple of 4 that fills the rest of the payload
     *     exactly
     */
    public static UnencryptedMessage decode(byte[] payload, MessageOrigin sender) {
        return decode(payload, sender, ENVELOPE);
    }

    /** {@link #decode(byte[], MessageOrigin)} naming {@code step} in exceptions. */
    static UnencryptedMessage decode(byte[] payload, MessageOrigin sender, String step) {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(sender, "sender");
        if (payload.length < HEADER_LENGTH) {
            throw new KeyExchangeException(step, "payload is " + payload.length + " bytes, shorter than the "
                    + HEADER_LENGTH + "-byte unencrypted message header");
        }
        long authKeyId = (long) LONGS.get(payload, 0);
        if (authKeyId != 0) {
            throw new KeyExchangeException(step, "auth_key_id is not 0, so this is not an unencrypted message");
        }
        long messageId = (long) LONGS.get(payload, 8);
        if (!sender.isValidMessageId(messageId)) {
            throw new KeyExchangeException(step, "msg_id " + Long.toUnsignedString(messageId) + " of a "
                    + sender.name().toLowerCase(java.util.Locale.ROOT) + " message is not " + sender.parityRule());
        }
        int length = (int) INTS.get(payload, 16);
        int available = payload.length - HEADER_LENGTH;
        if (length != available) {
            throw new KeyExchangeException(step, "message_data_length " + Integer.toUnsignedString(length)
                    + " does not match the " + available + " bytes that follow the header");
        }
        if (length == 0 || (length & 3) != 0) {
            throw new KeyExchangeException(step, "message_data_length " + length
                    + " is not a positive multiple of 4");
        }
        return new UnencryptedMessage(messageId, Arrays.copyOfRange(payload, HEADER_LENGTH, payload.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnencryptedMessage that && messageId == that.messageId
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(messageId) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnencryptedMessage[msgId=" + Long.toUnsignedString(messageId) + ", body=" + body.length + " bytes]";
    }
}
