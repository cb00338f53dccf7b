/**
 * String sessions: a whole session exported as one versioned, checksummed string
 * ({@link dev.mtproto.store.string.SessionString}) and a store carried as one
 * ({@link dev.mtproto.store.string.StringSessionStore}). The byte layout is in docs/sessions.md. A string
 * that cannot be used is refused with a {@link dev.mtproto.store.string.SessionStringException} (or, for a
 * newer version, {@link dev.mtproto.store.string.SessionStringVersionException}) that never echoes it.
 */
package dev.mtproto.store.string;
