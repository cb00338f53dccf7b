package dev.mtproto.transport;

import dev.mtproto.crypto.RandomSource;
import java.util.Optional;

/**
 * The MTProto TCP framings (core.telegram.org/mtproto/mtproto-transports).
 *
 * <p>Each kind has the connection tag a plain client sends once before its first frame, and, except
 * {@link #FULL}, the 4-byte protocol tag written at offset 56 of an obfuscated2 init header instead.
 */
public enum TransportKind {
    /** Lengths in units of 4 bytes: 1 byte below 127, else {@code 0x7f} + 3 bytes. Tag {@code 0xef}. */
    ABRIDGED("abridged", new byte[] {(byte) 0xef}, 0xefefefef),
    /** 4-byte little-endian byte length. Tag {@code 0xeeeeeeee}. */
    INTERMEDIATE("intermediate", new byte[] {(byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) 0xee}, 0xeeeeeeee),
    /** Intermediate plus 0..15 random padding bytes counted in the length. Tag {@code 0xdddddddd}. */
    PADDED_INTERMEDIATE("padded intermediate",
            new byte[] {(byte) 0xdd, (byte) 0xdd, (byte) 0xdd, (byte) 0xdd}, 0xdddddddd),
    /** Length, sequence number, payload, CRC32. No tag; cannot be obfuscated. */
    FULL("full transport", new byte[0], 0);

    private final String displayName;
    private final byte[] connectionTag;
    private final int obfuscationTag;

    TransportKind(String displayName, byte[] connectionTag, int obfuscationTag) {
        this.displayName = displayName;
        this.connectionTag = connectionTag;
        this.obfuscationTag = obfuscationTag;
    }

    /**
     * Returns the bytes a client sends once, before its first frame, on a connection without
     * obfuscation.
     *
     * @return a fresh copy of the tag; empty for {@link #FULL}
     */
    public byte[] connectionTag() {
        return connectionTag.clone();
    }

    /**
     * Tells whether this framing can be carried in an obfuscated2 stream (all but {@link #FULL}).
     *
     * @return {@code true} if there is an obfuscation protocol tag
     */
    public boolean supportsObfuscation() {
        return this != FULL;
    }

    /**
     * Tells whether a client can request quick acks on this framing (all but {@link #FULL}, whose spec
     * defines no flag for it).
     *
     * @return {@code true} if quick acks are available
     */
    public boolean supportsQuickAck() {
        return this != FULL;
    }

    /**
     * Returns the protocol tag at offset 56 of the obfuscated2 init header, read as a little-endian int
     * ({@code 0xefefefef}, {@code 0xeeeeeeee} or {@code 0xdddddddd}).
     *
     * @return the tag
     * @throws IllegalStateException for {@link #FULL}, which has none
     */
    public int obfuscationTag() {
        if (!supportsObfuscation()) {
            throw new IllegalStateException("the full transport cannot be obfuscated");
        }
        return obfuscationTag;
    }

    /**
     * Finds the framing named by an obfuscated2 protocol tag.
     *
     * @param tag the little-endian int at offset 56 of a decrypted init header
     * @return the kind, or empty if the tag names none
     */
    public static Optional<TransportKind> fromObfuscationTag(int tag) {
        for (TransportKind kind : values()) {
            if (kind.supportsObfuscation() && kind.obfuscationTag == tag) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * Creates a new codec of this framing for one side of one connection.
     *
     * @param side which end of the connection the codec serves
     * @param maxFrameLength the largest payload accepted or sent, in bytes
     * @param random the source of padding bytes (used only by {@link #PADDED_INTERMEDIATE})
     * @return a fresh codec with its own state
     * @throws IllegalArgumentException if {@code maxFrameLength} is not in {@code 1..Integer.MAX_VALUE-32}
     * @throws NullPointerException if {@code side} or {@code random} is null
     */
    public FrameCodec newCodec(TransportSide side, int maxFrameLength, RandomSource random) {
        return switch (this) {
            case ABRIDGED -> new AbridgedCodec(side, maxFrameLength);
            case INTERMEDIATE -> new IntermediateCodec(side, maxFrameLength);
            case PADDED_INTERMEDIATE -> new PaddedIntermediateCodec(side, maxFrameLength, random);
            case FULL -> new FullCodec(side, maxFrameLength);
        };
    }

    /**
     * Returns the name used in error messages, e.g. {@code "padded intermediate"}.
     *
     * @return a human-readable name
     */
    public String displayName() {
        return displayName;
    }
}
