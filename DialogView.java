package dev.mtproto.telegram;

import dev.mtproto.tl.api.Dialog;
import java.util.Optional;

/**
 * One chat of the account's chat list, as {@code messages.getDialogs} gives it.
 *
 * @param chat the chat
 * @param unreadCount how many of its messages are unread
 * @param topMessage its newest message, when Telegram sent it along
 * @param raw the raw dialog
 */
public record DialogView(ChatRef chat, int unreadCount, Optional<MessageView> topMessage, Dialog raw) {
}
