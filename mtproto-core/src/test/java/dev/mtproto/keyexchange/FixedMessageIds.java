package dev.mtproto.keyexchange;

/** Returns the given msg_ids in order. */
final class FixedMessageIds implements MessageIdSource {
    private final long[] ids;
    private int next;

    FixedMessageIds(long... ids) {
        this.ids = ids.clone();
    }

    @Override
    public long nextMessageId() {
        if (next == ids.length) {
            throw new IllegalStateException("no more scripted msg_ids");
        }
        return ids[next++];
    }
}
