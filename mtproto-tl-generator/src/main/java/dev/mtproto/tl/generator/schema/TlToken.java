package dev.mtproto.tl.generator.schema;

/**
 * One token of TL schema text, with where it was found.
 *
 * @param kind what the token is
 * @param text its text (a name, one punctuation character, or a whole section marker)
 * @param line the 1-based line
 * @param column the 1-based column
 * @param start the offset of its first character in the text
 * @param end the offset just after its last character
 */
record TlToken(Kind kind, String text, int line, int column, int start, int end) {

    /** The closed set of token kinds. */
    enum Kind { IDENT, PUNCT, SECTION, EOF }

    /**
     * @param punct one punctuation character, such as {@code ":"}
     * @return whether this token is that punctuation
     */
    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    /** @return the token as an error message shows it */
    String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case SECTION -> "section marker '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
