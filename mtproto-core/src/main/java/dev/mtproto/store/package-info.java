/**
 * Session stores: where a client keeps what lets a restart reuse its authorization instead of creating a
 * new key.
 *
 * <p>{@link dev.mtproto.store.SessionStore} holds one {@link dev.mtproto.store.DcAuthorization} (auth key,
 * server salt, clock offset, creation time) per DC number and the home DC. Implementations:
 * {@link dev.mtproto.store.FileSessionStore} (one owner-only file, written atomically; the default) and
 * {@link dev.mtproto.store.MemorySessionStore} (nothing persists). All of them pass the same conformance
 * tests. Failures are {@link dev.mtproto.store.SessionStoreException}s; those of the file store
 * ({@link dev.mtproto.store.SessionFileException} and its subclasses) name the file. No message and no
 * {@code toString()} ever shows key bytes.
 *
 * <h2>File format, version 1</h2>
 * US-ASCII text, one entry per line, each line ending with {@code \n}:
 * <pre>
 * mtproto-session-store 1
 * home_dc=2
 * dc.2.auth_key=&lt;the 256 key bytes in standard base64, 344 characters&gt;
 * dc.2.server_salt=&lt;16 lowercase hex digits&gt;
 * dc.2.time_offset_ms=&lt;signed decimal: server clock minus local clock&gt;
 * dc.2.created_at=&lt;ISO-8601 instant, e.g. 2025-03-01T10:15:30.123Z&gt;
 * sha256=&lt;64 lowercase hex digits: SHA-256 of every byte before this line&gt;
 * </pre>
 * <ul>
 *   <li>The first line is the magic word and the format version; the last line is the checksum. Every
 *       future version keeps these two rules, so any release can tell a newer file (refused with
 *       {@link dev.mtproto.store.SessionFileVersionException}) from a damaged or truncated one (refused with
 *       {@link dev.mtproto.store.SessionFileCorruptException}).</li>
 *   <li>{@code home_dc} is optional; each stored DC has exactly its four {@code dc.<id>.} entries. The
 *       writer puts DCs in ascending order; the reader accepts any order but rejects unknown, repeated,
 *       missing or malformed entries, since ignoring them would lose data on the next save.</li>
 *   <li>A version adding entries (update state, peer cache) raises the version number; readers of older
 *       versions then refuse the file instead of silently dropping what they do not know.</li>
 *   <li>The key is stored unencrypted: the file's owner-only permissions are its protection.</li>
 * </ul>
 *
 * <p>Beside the file, an open {@link dev.mtproto.store.FileSessionStore} keeps {@code <name>.lock}: the file
 * it holds an operating-system lock on, so that no second store opens the same file, with one line
 * {@code pid@host} naming the holder (empty once the store is closed).
 */
package dev.mtproto.store;
