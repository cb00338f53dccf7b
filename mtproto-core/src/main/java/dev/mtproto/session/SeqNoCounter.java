package dev.mtproto.session;

/**
 * The {@code msg_seqno} of one session: twice the number of content-related messages sent before,
 * plus one for a content-related message. Not thread-safe.
 */
public final class SeqNoCounter {
    private int contentRelatedSent;

    /**
     * @param contentRelated whether the message needs an acknowledgement (requests, answers, updates);
     *     acks, containers and pings sent for keep-alive are not
     * @return the seqno for the message
     */
    public int next(boolean contentRelated) {
        if (contentRelated) {
            return contentRelatedSent++ * 2 + 1;
        }
        return contentRelatedSent * 2;
    }

    /** Starts over, for a new session. */
    public void reset() {
        contentRelatedSent = 0;
    }
}
