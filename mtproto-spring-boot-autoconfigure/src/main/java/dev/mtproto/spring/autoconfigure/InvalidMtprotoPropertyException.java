package dev.mtproto.spring.autoconfigure;

/**
 * A {@code mtproto.*} property is missing or wrong. Its message names the property and what is wrong;
 * {@link #fix()} says what to do. Reported at start by a failure analyzer. Never carries a secret's value.
 */
public final class InvalidMtprotoPropertyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String property;
    private final String fix;

    /**
     * @param property the property's full name ({@code mtproto.api-id})
     * @param problem what is wrong with it
     * @param fix what to do
     */
    public InvalidMtprotoPropertyException(String property, String problem, String fix) {
        super(property + ": " + problem);
        this.property = property;
        this.fix = fix;
    }

    /**
     * @param property the property's full name
     * @param problem what is wrong with it
     * @param fix what to do
     * @param cause the parse error behind it
     */
    public InvalidMtprotoPropertyException(String property, String problem, String fix, Throwable cause) {
        super(property + ": " + problem, cause);
        this.property = property;
        this.fix = fix;
    }

    /** @return the property's full name */
    public String property() {
        return property;
    }

    /** @return what to do about it */
    public String fix() {
        return fix;
    }
}
