/**
 * Fluent builders for reply markup: {@link dev.mtproto.messages.keyboard.InlineKeyboard} (buttons under a
 * message) and {@link dev.mtproto.messages.keyboard.ReplyKeyboard} (buttons in place of the user's
 * keyboard, its removal, force-reply), producing the generated TL {@code ReplyMarkup} values. See
 * docs/messages.md, section "Keyboards".
 */
package dev.mtproto.messages.keyboard;
