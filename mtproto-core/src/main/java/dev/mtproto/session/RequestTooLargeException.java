package dev.mtproto.session;

/**
 * A call's serialized message does not fit in one packet of the transport, so it can never be sent.
 * Thrown by {@link ClientSession#submit}; the call was not sent.
 */
public final class RequestTooLargeException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final int size;
    private final int limit;

    /**
     * @param method the TL name of the call
     * @param size the bytes of the packet it would need
     * @param limit the largest packet the transport takes
     */
    public RequestTooLargeException(String method, int size, int limit) {
        super(method + ": the request needs a packet of " + size + " bytes, more than the transport's limit of " + limit);
        this.size = size;
        this.limit = limit;
    }

    /** @return {@code false}: the call was never sent */
    @Override
    public boolean mayHaveRun() {
        return false;
    }

    /** @return the bytes of the packet the call would need */
    public int size() {
        return size;
    }

    /** @return the largest packet the transport takes */
    public int limit() {
        return limit;
    }
}
