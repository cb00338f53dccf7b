package dev.mtproto.tl.generator.schema;

/**
 * A TL schema could not be read. The message names the file, the line and column, and the problem,
 * in the form {@code api.tl:12:40: expected ':' after field name 'peer', found '='}.
 */
public final class TlSchemaParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source the file name
     * @param line 1-based line
     * @param column 1-based column
     * @param problem what is wrong, in words
     */
    public TlSchemaParseException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** @return the file name */
    public String source() {
        return source;
    }

    /** @return the 1-based line of the problem */
    public int line() {
        return line;
    }

    /** @return the 1-based column of the problem */
    public int column() {
        return column;
    }

    /** @return the problem without its position */
    public String problem() {
        return problem;
    }
}
