package dev.mtproto.updates;

import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.UserType;
import java.util.List;

/**
 * An update waiting for its turn in a sequence, with what came along with it.
 *
 * @param update the update and its place
 * @param users the users of its container
 * @param chats the chats of its container
 * @param origin how it arrived
 */
record HeldUpdate(SequencedUpdate update, List<UserType> users, List<ChatType> chats, UpdateOrigin origin) {
}
