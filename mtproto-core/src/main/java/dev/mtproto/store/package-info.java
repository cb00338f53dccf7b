/**
 * Session stores: where a client keeps what lets a restart carry on instead of starting afresh.
 *
 * <p>{@link dev.mtproto.store.SessionStore} holds one {@link dev.mtproto.store.DcAuthorization} (auth key,
 * server salt, clock offset, creation time, authorized user) per DC number, the home DC, the signed-in
 * {@link dev.mtproto.store.SignedInAccount}, the account's {@link dev.mtproto.store.UpdateState} and channel
 * pts, and the peer cache ({@link dev.mtproto.store.StoredPeer}s in a {@link dev.mtproto.store.PeerTable}).
 * Implementations: {@link dev.mtproto.store.FileSessionStore} (owner-only files, written atomically; the
 * default), {@link dev.mtproto.store.MemorySessionStore} (nothing persists), and in sub-packages the JDBC
 * store ({@code store.jdbc}), the string session ({@code store.string}) and imports of other libraries'
 * string sessions ({@code store.imported}). All of them pass the same conformance tests. Failures are
 * {@link dev.mtproto.store.SessionStoreException}s; those of the file store
 * ({@link dev.mtproto.store.SessionFileException} and its subclasses) name the file. No message and no
 * {@code toString()} ever shows key bytes or phone numbers. docs/sessions.md says which store to use when.
 *
 * <h2>Session file format, version 2</h2>
 * US-ASCII text, one entry per line, each line ending with {@code \n}:
 * <pre>
 * mtproto-session-store 2
 * home_dc=2
 * dc.2.auth_key=&lt;the 256 key bytes in standard base64, 344 characters&gt;
 * dc.2.server_salt=&lt;16 lowercase hex digits&gt;
 * dc.2.time_offset_ms=&lt;signed decimal: server clock minus local clock&gt;
 * dc.2.created_at=&lt;ISO-8601 instant, e.g. 2025-03-01T10:15:30.123Z&gt;
 * dc.2.authorized_user_id=&lt;decimal user id, 0 when the key is not signed in&gt;
 * account.user_id=&lt;decimal user id&gt;
 * account.bot=&lt;0 or 1&gt;
 * update.pts=&lt;signed 32-bit decimal&gt;
 * update.qts=...
 * update.seq=...
 * update.date=...
 * channel.&lt;channel id&gt;.pts=&lt;signed 32-bit decimal&gt;
 * sha256=&lt;64 lowercase hex digits: SHA-256 of every byte before this line&gt;
 * </pre>
 * <ul>
 *   <li>The first line is the magic word and the format version; the last line is the checksum. Every
 *       version keeps these two rules, so any release can tell a newer file (refused with
 *       {@link dev.mtproto.store.SessionFileVersionException}) from a damaged or truncated one (refused with
 *       {@link dev.mtproto.store.SessionFileCorruptException}).</li>
 *   <li>{@code home_dc} is optional; each stored DC has exactly its five {@code dc.<id>.} entries; the two
 *       {@code account.} entries and the four {@code update.} entries come all or none; one
 *       {@code channel.<id>.pts} per channel. The writer puts DCs and channels in ascending order; the reader
 *       accepts any order but rejects unknown, repeated, missing or malformed entries, since ignoring them
 *       would lose data on the next save.</li>
 *   <li>Version 1 (the first release) is still read: it has only {@code home_dc} and the first four
 *       {@code dc.<id>.} entries (authorized user id 0); the next save writes version 2. A version adding
 *       entries raises the version number; readers of older versions then refuse the file instead of
 *       silently dropping what they do not know.</li>
 *   <li>The key is stored unencrypted: the file's owner-only permissions are its protection.</li>
 * </ul>
 *
 * <h2>Peer cache file format, version 1</h2>
 * Beside the session file, {@code <name>.peers}, with the same framing ({@code mtproto-session-peers 1}
 * first, the {@code sha256=} line last) and one line per peer, in the order they were first stored:
 * {@code <kind>,<id>,<access_hash>,<min>,<bot>,<username>,<phone>} where kind is {@code user}, {@code chat}
 * or {@code channel}, min and bot are {@code 0} or {@code 1}, and username and phone are empty when absent.
 * A damaged peer cache file is refused like a damaged session file; deleting it loses only the cache.
 *
 * <p>Beside the files, an open {@link dev.mtproto.store.FileSessionStore} keeps {@code <name>.lock}: the file
 * it holds an operating-system lock on, so that no second store opens the same file, with one line
 * {@code pid@host} naming the holder (empty once the store is closed).
 */
package dev.mtproto.store;
