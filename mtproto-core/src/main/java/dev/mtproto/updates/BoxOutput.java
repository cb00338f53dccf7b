package dev.mtproto.updates;

import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.Update;
import dev.mtproto.tl.api.UserType;
import java.util.List;

/** What the {@link MessageBox} asks of whoever drives it: deliver, fetch, report. */
interface BoxOutput {

    /**
     * An update is due to the application, in this order.
     *
     * @param update the update
     * @param users the users that came with it
     * @param chats the chats that came with it
     * @param origin how it arrived
     * @param channelId the channel of its sequence, or 0
     */
    void deliver(Update update, List<UserType> users, List<ChatType> chats, UpdateOrigin origin, long channelId);

    /** {@code updates.getDifference} from {@link MessageBox#state()} is needed. */
    void fetchCommon();

    /**
     * {@code updates.getChannelDifference} is needed.
     *
     * @param channelId the channel
     * @param pts its position
     */
    void fetchChannel(long channelId, int pts);

    /** {@code updates.getState} is needed (the common position is unknown or was reset by Telegram). */
    void fetchState();

    /** @param event something the application is told about */
    void event(UpdateEngineEvent event);
}
