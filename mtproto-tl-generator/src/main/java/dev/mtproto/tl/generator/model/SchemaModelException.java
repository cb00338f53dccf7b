package dev.mtproto.tl.generator.model;

/** A schema parsed fine but cannot be mapped to Java; the message names the file, line and declaration. */
public final class SchemaModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message the problem, starting with the file name */
    public SchemaModelException(String message) {
        super(message);
    }
}
