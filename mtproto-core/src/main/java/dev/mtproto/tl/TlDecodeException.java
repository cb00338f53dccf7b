package dev.mtproto.tl;

import dev.mtproto.MtprotoException;

/**
 * Bytes could not be decoded as TL: they are truncated, hold an unknown or unexpected constructor id, a
 * length or count that cannot fit, or objects nested too deeply. It is the only exception decoding throws
 * for bad input.
 */
public final class TlDecodeException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String problem;

    /**
     * @param offset the byte offset, from the start of the decoded region, where the problem was found
     * @param problem what is wrong, in words
     */
    public TlDecodeException(int offset, String problem) {
        super("TL decoding failed at offset " + offset + ": " + problem);
        this.offset = offset;
        this.problem = problem;
    }

    /** @return the byte offset, from the start of the decoded region, where the problem was found */
    public int offset() {
        return offset;
    }

    /** @return the problem without the offset */
    public String problem() {
        return problem;
    }
}
