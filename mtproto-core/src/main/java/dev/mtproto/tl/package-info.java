/**
 * The TL runtime: reading and writing TL's binary encoding, the immutable lists generated objects hold,
 * and the registry of generated schemas.
 *
 * <p>The classes for the schemas themselves are generated at build time from {@code src-schema/*.tl}:
 * Telegram's API in {@code dev.mtproto.tl.api} (and sub-packages per namespace, such as
 * {@code dev.mtproto.tl.api.messages}) and MTProto's service schema in {@code dev.mtproto.tl.mtproto}.
 * See {@code docs/tl.md} for the naming rule and how to use them.
 */
package dev.mtproto.tl;
