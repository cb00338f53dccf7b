/**
 * Imports of other libraries' string sessions (Telethon, Pyrogram), so that an account moves to this
 * library without signing in again: {@link dev.mtproto.store.imported.SessionStringImporter} recognises the
 * format and returns an {@link dev.mtproto.store.imported.ImportedSession} (home DC, its key, the account
 * when the format names it), which becomes a store. A string in no known format is refused with an
 * {@link dev.mtproto.store.imported.UnrecognizedSessionStringException} that lists the formats tried.
 */
package dev.mtproto.store.imported;
