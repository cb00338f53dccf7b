/**
 * Message formatting without a network: MarkdownV2 ({@link dev.mtproto.messages.format.Markdown}) and the
 * Bot API's HTML ({@link dev.mtproto.messages.format.Html}) to
 * {@link dev.mtproto.messages.format.FormattedText} (text and TL {@code MessageEntity} values with UTF-16
 * offsets) and back, with typed {@link dev.mtproto.messages.format.FormattingException}s for bad markup.
 * See docs/messages.md, section "Formatting".
 */
package dev.mtproto.messages.format;
