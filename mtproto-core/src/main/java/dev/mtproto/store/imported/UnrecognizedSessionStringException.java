package dev.mtproto.store.imported;

import java.util.List;

/**
 * A string given for import is in none of the formats {@link SessionStringImporter} knows. The message
 * lists the formats tried and says how long the string was, never what it holds.
 */
public class UnrecognizedSessionStringException extends SessionImportException {
    private static final long serialVersionUID = 1L;

    /** What was tried, in order. */
    private final List<String> triedFormats;

    /**
     * Creates the exception.
     *
     * @param triedFormats the formats tried, described
     * @param length the length of the string given
     */
    public UnrecognizedSessionStringException(List<String> triedFormats, int length) {
        super("The session string (" + length + " characters) is in none of the formats this library imports. Tried: "
                + String.join("; ", triedFormats) + ".");
        this.triedFormats = List.copyOf(triedFormats);
    }

    /**
     * Returns the formats that were tried.
     *
     * @return their descriptions, in the order tried
     */
    public List<String> triedFormats() {
        return triedFormats;
    }
}
