package dev.mtproto.tl;

import dev.mtproto.MtprotoException;

/**
 * JSON could not be read as a TL object: an unknown or unexpected {@code "_"}, an unknown, missing or
 * malformed field, a value of the wrong JSON type or out of range, fields that the constructor refuses
 * together, or objects nested too deeply. The message names where: the JSON Pointer
 * (<a href="https://www.rfc-editor.org/rfc/rfc6901">RFC 6901</a>) of the value and, when the input has
 * them, its line and column.
 */
public final class TlJsonException extends MtprotoException {
    private static final long serialVersionUID = 1L;

    /** The JSON Pointer of the value concerned. */
    private final String pointer;
    /** Its 1-based line, or -1. */
    private final int line;
    /** Its 1-based column, or -1. */
    private final int column;
    /** What is wrong, without the position. */
    private final String problem;

    /**
     * @param pointer the JSON Pointer of the value concerned ({@code ""} for the whole document)
     * @param line its 1-based line, or {@code -1} when unknown
     * @param column its 1-based column, or {@code -1} when unknown
     * @param problem what is wrong, in words
     * @param cause the failure behind it (a constructor's refusal), or {@code null}
     */
    public TlJsonException(String pointer, int line, int column, String problem, Throwable cause) {
        super("TL JSON failed at " + (pointer.isEmpty() ? "the root" : pointer)
                + (line > 0 ? " (line " + line + ", column " + column + ")" : "") + ": " + problem, cause);
        this.pointer = pointer;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** @return the JSON Pointer of the value concerned, such as {@code /messages/3/peer_id}; empty for the root */
    public String pointer() {
        return pointer;
    }

    /** @return the 1-based line of the value, or {@code -1} when unknown */
    public int line() {
        return line;
    }

    /** @return the 1-based column of the value, or {@code -1} when unknown */
    public int column() {
        return column;
    }

    /** @return the problem without its position */
    public String problem() {
        return problem;
    }
}
