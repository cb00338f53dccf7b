package dev.mtproto.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * MTProto 2.0 message protection for one connection: encrypts outgoing messages into
 * {@code auth_key_id | msg_key | encrypted_data} and decrypts and checks incoming ones.
 *
 * <p>The plaintext handed to {@link #encrypt} is a complete message without padding:
 * {@code server_salt(8) | session_id(8) | msg_id(8) | seq_no(4) | message_data_length(4) | message_data}.
 * This class adds 12..1024 random padding bytes so that the total is a multiple of 16, computes
 * {@code msg_key = substr(SHA256(substr(auth_key, 88 + x, 32) + plaintext + padding), 8, 16)}, derives the
 * AES key and IV (see {@link MessageKeyDerivation}) and encrypts with AES-256-IGE. A client instance
 * encrypts with {@code x = 0} and decrypts with {@code x = 8}; a server instance the other way round.
 *
 * <p>Incoming messages are checked in this order, each failure raising a {@link SecurityCheckException}
 * that names the check: total length (minimum, multiple of 16, upper bound), {@code auth_key_id},
 * {@code msg_key} recomputed over the whole decrypted data (compared in constant time), then
 * {@code message_data_length} (a multiple of 4 that fits, leaving 12..1024 bytes of padding). Session id,
 * msg_id and seq_no are the session layer's business.
 *
 * <p>Allocation: {@code encrypt} and {@code decrypt} reuse this object's SHA-256 digest, AES-IGE instance
 * and scratch arrays. What remains is the AES key schedule of each message's new key, inside the
 * runtime's {@code Cipher.init}: measured per message on JDK 25, 656 bytes to decrypt and 688 to encrypt
 * (the key copy handed to the provider through {@code Key.getEncoded()}, the provider's own copy, two
 * 60-int round-key arrays, a temporary, and for encryption the provider's copy of the zero CBC IV); on
 * JDK 17 about 1.8 KB each. Public JCA APIs offer no way to give a cipher a new key without this.
 *
 * <p>The cipher keeps no copy of the key or of anything derived from it between messages (its scratch
 * arrays are zeroed after each one); once the key is {@linkplain AuthKey#destroy() destroyed},
 * {@code encrypt} and {@code decrypt} throw {@link IllegalStateException} naming the key id.
 *
 * <p><b>Not thread-safe</b>: one instance per connection, used by one thread at a time.
 */
public final class MessageCipher {
    /** Bytes before {@code encrypted_data}: {@code auth_key_id(8) | msg_key(16)}. */
    public static final int WIRE_HEADER_SIZE = 24;
    /** Bytes before {@code message_data}: salt, session id, msg_id, seq_no, message_data_length. */
    public static final int PLAINTEXT_HEADER_SIZE = 32;
    /** Smallest padding MTProto 2.0 allows. */
    public static final int MIN_PADDING = 12;
    /** Largest padding MTProto 2.0 allows. */
    public static final int MAX_PADDING = 1024;
    /** Smallest possible {@code encrypted_data}: a 32-byte header, a 4-byte body and 12 bytes of padding. */
    public static final int MIN_ENCRYPTED_DATA_SIZE = 48;
    /** Default upper bound of {@code encrypted_data} accepted by {@link #decrypt}: 16 MiB. */
    public static final int DEFAULT_MAX_ENCRYPTED_DATA_SIZE = 16 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final AuthKey authKey;
    private final long authKeyId;
    private final MessageDirection outgoing;
    private final MessageDirection incoming;
    private final RandomSource paddingSource;
    private final int maxEncryptedDataSize;

    private final MessageDigest sha256 = Digests.sha256();
    private final MessageKeyDerivation derivation = new MessageKeyDerivation();
    private final AesIge ige = new AesIge();
    private final byte[] msgKeyLarge = new byte[32];
    private final byte[] msgKey = new byte[16];
    private final byte[] aesKey = new byte[32];
    private final byte[] aesIv = new byte[32];
    private int quickAckToken;
    private int receivedQuickAckToken;

    /**
     * Creates a cipher for one side of a connection.
     *
     * @param authKey the connection's authorization key
     * @param outgoing the direction of the messages this side sends ({@link MessageDirection#CLIENT_TO_SERVER}
     *     for a client, {@link MessageDirection#SERVER_TO_CLIENT} for a server)
     * @param paddingSource where padding bytes come from; {@link RandomSource#secure()} outside tests
     * @param maxEncryptedDataSize largest {@code encrypted_data} accepted by {@link #decrypt}
     * @throws IllegalArgumentException if {@code maxEncryptedDataSize} is below the minimum message size
     */
    public MessageCipher(AuthKey authKey, MessageDirection outgoing, RandomSource paddingSource,
                         int maxEncryptedDataSize) {
        this.authKey = Objects.requireNonNull(authKey, "authKey");
        this.outgoing = Objects.requireNonNull(outgoing, "outgoing");
        this.paddingSource = Objects.requireNonNull(paddingSource, "paddingSource");
        if (maxEncryptedDataSize < MIN_ENCRYPTED_DATA_SIZE) {
            throw new IllegalArgumentException("maxEncryptedDataSize must be at least " + MIN_ENCRYPTED_DATA_SIZE);
        }
        this.maxEncryptedDataSize = maxEncryptedDataSize;
        this.incoming = outgoing.reverse();
        this.authKeyId = authKey.id();
    }

    /**
     * Creates the client side of a connection with secure random padding and the default size limit.
     *
     * @param authKey the connection's authorization key
     * @return a cipher that encrypts with {@code x = 0} and decrypts with {@code x = 8}
     */
    public static MessageCipher forClient(AuthKey authKey) {
        return new MessageCipher(authKey, MessageDirection.CLIENT_TO_SERVER, RandomSource.secure(),
                DEFAULT_MAX_ENCRYPTED_DATA_SIZE);
    }

    /**
     * Creates the server side of a connection with secure random padding and the default size limit.
     *
     * @param authKey the connection's authorization key
     * @return a cipher that encrypts with {@code x = 8} and decrypts with {@code x = 0}
     */
    public static MessageCipher forServer(AuthKey authKey) {
        return new MessageCipher(authKey, MessageDirection.SERVER_TO_CLIENT, RandomSource.secure(),
                DEFAULT_MAX_ENCRYPTED_DATA_SIZE);
    }

    /**
     * Reads the {@code auth_key_id} of a wire message, for example to pick the right key on a server.
     *
     * @param wire array holding the message
     * @param offset where the message starts
     * @return the first 8 bytes as a little-endian long
     * @throws IndexOutOfBoundsException if 8 bytes are not available at {@code offset}
     */
    public static long authKeyIdOf(byte[] wire, int offset) {
        Objects.checkFromIndexSize(offset, 8, wire.length);
        return (long) LONGS.get(wire, offset);
    }

    /**
     * Returns the padding length {@link #encrypt} will use: the smallest padding of at least 12 bytes that
     * makes the total a multiple of 16, plus {@code extraPaddingBlocks} times 16 bytes.
     *
     * @param plaintextLength length of the unpadded plaintext (header and body)
     * @param extraPaddingBlocks additional 16-byte blocks of random padding, to hide the real length
     * @return the padding length, between 12 and 1024
     * @throws IllegalArgumentException if {@code extraPaddingBlocks} is negative or the padding would
     *     exceed 1024 bytes, or the plaintext length is negative
     */
    public int paddingLength(int plaintextLength, int extraPaddingBlocks) {
        if (plaintextLength < 0) {
            throw new IllegalArgumentException("plaintext length is negative");
        }
        if (extraPaddingBlocks < 0) {
            throw new IllegalArgumentException("extraPaddingBlocks is negative");
        }
        int padding = MIN_PADDING + ((16 - ((plaintextLength + MIN_PADDING) & 15)) & 15);
        long total = padding + 16L * extraPaddingBlocks;
        if (total > MAX_PADDING) {
            throw new IllegalArgumentException("padding of " + total + " bytes exceeds the limit of 1024");
        }
        return (int) total;
    }

    /**
     * Returns how many bytes {@link #encrypt} writes for a plaintext of the given length.
     *
     * @param plaintextLength length of the unpadded plaintext
     * @param extraPaddingBlocks additional 16-byte blocks of padding
     * @return {@code 24 + plaintextLength + padding}
     * @throws IllegalArgumentException as {@link #paddingLength}
     */
    public int wireLength(int plaintextLength, int extraPaddingBlocks) {
        return Math.addExact(WIRE_HEADER_SIZE + paddingLength(plaintextLength, extraPaddingBlocks), plaintextLength);
    }

    /**
     * Encrypts one message into {@code out}: {@code auth_key_id | msg_key | encrypted_data}. The plaintext
     * may lie anywhere, including inside {@code out} (it is copied first); for the cheapest in-place use,
     * put it at {@code out[outOffset + 24]}. Afterwards {@link #quickAckToken()} returns the message's
     * quick-ack token.
     *
     * @param plaintext array holding the unpadded plaintext
     * @param offset where it starts
     * @param length its length: 32 header bytes plus {@code message_data_length}
     * @param extraPaddingBlocks additional 16-byte blocks of random padding (0 for the minimum)
     * @param out receives {@link #wireLength wireLength(length, extraPaddingBlocks)} bytes
     * @param outOffset where to start writing
     * @return the number of bytes written
     * @throws IllegalArgumentException if the plaintext is shorter than its header, its
     *     {@code message_data_length} field disagrees with {@code length}, or the padding would exceed 1024
     * @throws IndexOutOfBoundsException if a range lies outside its array
     * @throws IllegalStateException if the key was destroyed
     */
    public int encrypt(byte[] plaintext, int offset, int length, int extraPaddingBlocks, byte[] out, int outOffset) {
        int padding = paddingLength(length, extraPaddingBlocks);
        int total = length + padding;
        Objects.checkFromIndexSize(offset, length, plaintext.length);
        Objects.checkFromIndexSize(outOffset, WIRE_HEADER_SIZE + total, out.length);
        if (length < PLAINTEXT_HEADER_SIZE) {
            throw new IllegalArgumentException("plaintext of " + length + " bytes is shorter than its 32-byte header");
        }
        int declared = (int) INTS.get(plaintext, offset + 28);
        if (declared != length - PLAINTEXT_HEADER_SIZE) {
            throw new IllegalArgumentException("message_data_length field says " + declared
                    + " but the plaintext carries " + (length - PLAINTEXT_HEADER_SIZE) + " bytes");
        }
        int data = outOffset + WIRE_HEADER_SIZE;
        if (plaintext != out || offset != data) {
            System.arraycopy(plaintext, offset, out, data, length);
        }
        paddingSource.nextBytes(out, data + length, padding);

        sha256.update(authKey.bytes(), 88 + outgoing.x(), 32);
        sha256.update(out, data, total);
        Digests.finish(sha256, msgKeyLarge, 0);
        quickAckToken = (int) INTS.get(msgKeyLarge, 0) | 0x80000000;
        LONGS.set(out, outOffset, authKeyId);
        System.arraycopy(msgKeyLarge, 8, out, outOffset + 8, 16);

        derivation.derive(authKey, outgoing, out, outOffset + 8, aesKey, 0, aesIv, 0);
        ige.initEncrypt(aesKey, 0, 32, aesIv, 0);
        ige.process(out, data, total);
        wipeScratch();
        return WIRE_HEADER_SIZE + total;
    }

    /**
     * Encrypts one message into a new array; see {@link #encrypt(byte[], int, int, int, byte[], int)}.
     *
     * @param plaintext the whole array is the unpadded plaintext
     * @param extraPaddingBlocks additional 16-byte blocks of random padding (0 for the minimum)
     * @return the wire message
     * @throws IllegalArgumentException as the array-range variant
     */
    public byte[] encrypt(byte[] plaintext, int extraPaddingBlocks) {
        byte[] out = new byte[wireLength(plaintext.length, extraPaddingBlocks)];
        encrypt(plaintext, 0, plaintext.length, extraPaddingBlocks, out, 0);
        return out;
    }

    /**
     * Returns the quick-ack token of the message most recently encrypted by this instance: the first 4
     * bytes of {@code msg_key_large} read as a little-endian int, with the top bit set. A server confirms
     * receipt by sending these 4 bytes (little-endian on the intermediate transports, byte-swapped on
     * abridged).
     *
     * @return the token, or 0 before the first encryption
     */
    public int quickAckToken() {
        return quickAckToken;
    }

    /**
     * Returns the quick-ack token of the message most recently decrypted by this instance (what a server
     * sends back when the client asked for a quick ack).
     *
     * @return the token, or 0 before the first successful decryption
     */
    public int receivedQuickAckToken() {
        return receivedQuickAckToken;
    }

    /**
     * Decrypts and checks one wire message. {@code out} receives all of {@code encrypted_data} decrypted
     * ({@code length - 24} bytes: header, body, padding); the return value says how many of them are
     * meaningful. {@code out} may be {@code wire} itself, with {@code outOffset} equal to
     * {@code offset + 24} (in place) or any other position. On a failed check the output range is
     * overwritten with zeros.
     *
     * @param wire array holding {@code auth_key_id | msg_key | encrypted_data}
     * @param offset where the message starts
     * @param length the message length
     * @param out receives the decrypted data
     * @param outOffset where to start writing
     * @return {@code 32 + message_data_length}: the plaintext without padding
     * @throws SecurityCheckException if a check fails (the message names it)
     * @throws IndexOutOfBoundsException if {@code wire} does not hold {@code length} bytes at {@code offset}
     *     or {@code out} cannot take {@code length - 24} bytes at {@code outOffset}
     * @throws IllegalStateException if the key was destroyed
     */
    public int decrypt(byte[] wire, int offset, int length, byte[] out, int outOffset) {
        Objects.checkFromIndexSize(offset, length, wire.length);
        int encrypted = length - WIRE_HEADER_SIZE;
        if (encrypted < MIN_ENCRYPTED_DATA_SIZE) {
            throw new SecurityCheckException("message of " + length + " bytes is shorter than the minimum of "
                    + (WIRE_HEADER_SIZE + MIN_ENCRYPTED_DATA_SIZE));
        }
        if ((encrypted & 15) != 0) {
            throw new SecurityCheckException("encrypted_data length " + encrypted + " is not a multiple of 16");
        }
        if (encrypted > maxEncryptedDataSize) {
            throw new SecurityCheckException("encrypted_data length " + encrypted + " exceeds the limit of "
                    + maxEncryptedDataSize);
        }
        Objects.checkFromIndexSize(outOffset, encrypted, out.length);
        byte[] key = authKey.bytes();
        if ((long) LONGS.get(wire, offset) != authKeyId) {
            throw new SecurityCheckException("auth_key_id does not match the connection's key");
        }
        System.arraycopy(wire, offset + 8, msgKey, 0, 16);
        derivation.derive(authKey, incoming, msgKey, 0, aesKey, 0, aesIv, 0);
        ige.initDecrypt(aesKey, 0, 32, aesIv, 0);
        ige.process(wire, offset + WIRE_HEADER_SIZE, encrypted, out, outOffset);

        sha256.update(key, 88 + incoming.x(), 32);
        sha256.update(out, outOffset, encrypted);
        Digests.finish(sha256, msgKeyLarge, 0);
        int diff = 0;
        for (int i = 0; i < 16; i++) {
            diff |= msgKeyLarge[8 + i] ^ msgKey[i];
        }
        if (diff != 0) {
            reject(out, outOffset, encrypted);
            throw new SecurityCheckException("msg_key does not match SHA-256 of the decrypted data");
        }
        int dataLength = (int) INTS.get(out, outOffset + 28);
        int room = encrypted - PLAINTEXT_HEADER_SIZE;
        if (dataLength < 0 || dataLength > room - MIN_PADDING) {
            reject(out, outOffset, encrypted);
            throw new SecurityCheckException("message_data_length " + dataLength + " does not fit in "
                    + room + " bytes with at least 12 bytes of padding");
        }
        if ((dataLength & 3) != 0) {
            reject(out, outOffset, encrypted);
            throw new SecurityCheckException("message_data_length " + dataLength + " is not a multiple of 4");
        }
        int padding = room - dataLength;
        if (padding > MAX_PADDING) {
            reject(out, outOffset, encrypted);
            throw new SecurityCheckException("padding length " + padding + " is outside 12..1024");
        }
        receivedQuickAckToken = (int) INTS.get(msgKeyLarge, 0) | 0x80000000;
        wipeScratch();
        return PLAINTEXT_HEADER_SIZE + dataLength;
    }

    /**
     * Decrypts and checks a whole-array wire message into a new array holding the plaintext without
     * padding; see {@link #decrypt(byte[], int, int, byte[], int)}.
     *
     * @param wire the whole array is the wire message
     * @return the plaintext: header and {@code message_data}
     * @throws SecurityCheckException if a check fails
     */
    public byte[] decrypt(byte[] wire) {
        byte[] out = new byte[Math.max(0, wire.length - WIRE_HEADER_SIZE)];
        int meaningful = decrypt(wire, 0, wire.length, out, 0);
        return Arrays.copyOf(out, meaningful);
    }

    /** Shows the key id and direction only. */
    @Override
    public String toString() {
        return "MessageCipher[" + authKey + ", sends " + outgoing + "]";
    }

    private void reject(byte[] out, int offset, int length) {
        Arrays.fill(out, offset, offset + length, (byte) 0);
        wipeScratch();
    }

    private void wipeScratch() {
        Arrays.fill(aesKey, (byte) 0);
        Arrays.fill(aesIv, (byte) 0);
        Arrays.fill(msgKeyLarge, (byte) 0);
    }
}
