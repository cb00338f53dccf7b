package dev.mtproto.store.string;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.store.DcAuthorization;
import dev.mtproto.store.PeerKind;
import dev.mtproto.store.PeerTable;
import dev.mtproto.store.SessionSnapshot;
import dev.mtproto.store.SessionStore;
import dev.mtproto.store.SignedInAccount;
import dev.mtproto.store.StoredPeer;
import dev.mtproto.store.UpdateState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The binary payload of a version-1 session string: a {@link SessionSnapshot} in big-endian fields,
 * followed by the CRC-32C of all bytes before it. docs/sessions.md gives the byte layout; this class is the
 * one place that writes and reads it.
 */
final class SessionStringPayload {
    private static final int HOME_DC = 1;
    private static final int ACCOUNT = 2;
    private static final int BOT = 4;
    private static final int UPDATE_STATE = 8;
    private static final int PEER_MIN = 1;
    private static final int PEER_BOT = 2;
    private static final int PEER_USERNAME = 4;
    private static final int PEER_PHONE = 8;
    private static final PeerKind[] KINDS = {PeerKind.USER, PeerKind.CHAT, PeerKind.CHANNEL};

    private SessionStringPayload() {
    }

    /**
     * Writes a snapshot.
     *
     * @param snapshot what to write
     * @return the payload, checksum included
     */
    static byte[] write(SessionSnapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 + 300 * snapshot.authorizations().size()
                + 40 * snapshot.peers().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            int flags = (snapshot.homeDc().isPresent() ? HOME_DC : 0)
                    | (snapshot.account().isPresent() ? ACCOUNT : 0)
                    | (snapshot.account().map(SignedInAccount::bot).orElse(false) ? BOT : 0)
                    | (snapshot.updateState().isPresent() ? UPDATE_STATE : 0);
            out.writeByte(flags);
            if (snapshot.homeDc().isPresent()) {
                out.writeShort(snapshot.homeDc().getAsInt());
            }
            if (snapshot.account().isPresent()) {
                out.writeLong(snapshot.account().get().userId());
            }
            if (snapshot.updateState().isPresent()) {
                UpdateState state = snapshot.updateState().get();
                out.writeInt(state.pts());
                out.writeInt(state.qts());
                out.writeInt(state.seq());
                out.writeInt(state.date());
            }
            out.writeShort(snapshot.authorizations().size());
            for (var entry : snapshot.authorizations().entrySet()) {
                DcAuthorization authorization = entry.getValue();
                out.writeShort(entry.getKey());
                byte[] key = authorization.authKey().toByteArray();
                out.write(key);
                Arrays.fill(key, (byte) 0);
                out.writeLong(authorization.serverSalt());
                out.writeLong(authorization.timeOffsetMillis());
                out.writeLong(authorization.createdAt().getEpochSecond());
                out.writeInt(authorization.createdAt().getNano());
                out.writeLong(authorization.authorizedUserId());
            }
            out.writeInt(snapshot.channelPts().size());
            for (var entry : snapshot.channelPts().entrySet()) {
                out.writeLong(entry.getKey());
                out.writeInt(entry.getValue());
            }
            out.writeInt(snapshot.peers().size());
            for (StoredPeer peer : snapshot.peers().peers()) {
                writePeer(out, peer);
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writePeer(DataOutputStream out, StoredPeer peer) throws IOException {
        out.writeByte(peer.kind().ordinal());
        out.writeByte((peer.min() ? PEER_MIN : 0) | (peer.bot() ? PEER_BOT : 0)
                | (peer.username() != null ? PEER_USERNAME : 0) | (peer.phone() != null ? PEER_PHONE : 0));
        out.writeLong(peer.id());
        out.writeLong(peer.accessHash());
        for (String text : new String[] {peer.username(), peer.phone()}) {
            if (text != null) {
                out.writeByte(text.length());
                out.write(text.getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /**
     * Reads a payload, checksum first.
     *
     * @param payload the decoded bytes
     * @return the snapshot
     * @throws SessionStringException if the payload is truncated, has trailing bytes, fails its checksum or
     *     holds a value no store accepts
     */
    static SessionSnapshot read(byte[] payload) {
        if (payload.length < 4) {
            throw corrupt("it is too short to be one");
        }
        CRC32C crc = new CRC32C();
        crc.update(payload, 0, payload.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(payload, payload.length - 4, 4).getInt()) {
            throw corrupt("its checksum does not match, so it was truncated or changed after it was exported");
        }
        ByteBuffer in = ByteBuffer.wrap(payload, 0, payload.length - 4);
        try {
            SessionSnapshot snapshot = readSnapshot(in);
            if (in.hasRemaining()) {
                throw corrupt("it has " + in.remaining() + " bytes after its last entry");
            }
            return snapshot;
        } catch (BufferUnderflowException e) {
            throw corrupt("it ends inside an entry");
        } catch (IllegalArgumentException | DateTimeException e) {
            throw corrupt("it holds a value no store accepts (" + e.getMessage() + ")");
        }
    }

    private static SessionSnapshot readSnapshot(ByteBuffer in) {
        int flags = Byte.toUnsignedInt(in.get());
        if ((flags & ~(HOME_DC | ACCOUNT | BOT | UPDATE_STATE)) != 0 || (flags & BOT) != 0 && (flags & ACCOUNT) == 0) {
            throw corrupt("its flags byte has bits this version does not know");
        }
        OptionalInt homeDc = (flags & HOME_DC) != 0 ? OptionalInt.of(Short.toUnsignedInt(in.getShort()))
                : OptionalInt.empty();
        Optional<SignedInAccount> account = (flags & ACCOUNT) != 0
                ? Optional.of(new SignedInAccount(in.getLong(), (flags & BOT) != 0)) : Optional.empty();
        Optional<UpdateState> updateState = (flags & UPDATE_STATE) != 0
                ? Optional.of(new UpdateState(in.getInt(), in.getInt(), in.getInt(), in.getInt())) : Optional.empty();
        TreeMap<Integer, DcAuthorization> authorizations = new TreeMap<>();
        int dcs = Short.toUnsignedInt(in.getShort());
        for (int i = 0; i < dcs; i++) {
            int dcId = SessionStore.checkDcId(Short.toUnsignedInt(in.getShort()));
            byte[] key = new byte[AuthKey.SIZE];
            in.get(key);
            AuthKey authKey = AuthKey.of(key);
            Arrays.fill(key, (byte) 0);
            long salt = in.getLong();
            long offset = in.getLong();
            long seconds = in.getLong();
            int nanos = in.getInt();
            if (nanos < 0 || nanos > 999_999_999) {
                throw corrupt("DC " + dcId + " has a creation time with more than a second of nanoseconds");
            }
            Instant createdAt = Instant.ofEpochSecond(seconds, nanos);
            if (authorizations.put(dcId, new DcAuthorization(authKey, salt, offset, createdAt, in.getLong())) != null) {
                throw corrupt("it holds DC " + dcId + " twice");
            }
        }
        TreeMap<Long, Integer> channelPts = new TreeMap<>();
        long channels = Integer.toUnsignedLong(in.getInt());
        for (long i = 0; i < channels; i++) {
            if (channelPts.put(in.getLong(), in.getInt()) != null) {
                throw corrupt("it holds a channel's pts twice");
            }
        }
        long count = Integer.toUnsignedLong(in.getInt());
        List<StoredPeer> peers = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            peers.add(readPeer(in));
        }
        PeerTable table = PeerTable.of(peers);
        if (table.size() != peers.size()) {
            throw corrupt("it holds a peer twice");
        }
        return new SessionSnapshot(authorizations, homeDc, account, updateState, channelPts, table);
    }

    private static StoredPeer readPeer(ByteBuffer in) {
        int kind = Byte.toUnsignedInt(in.get());
        int flags = Byte.toUnsignedInt(in.get());
        if (kind >= KINDS.length || (flags & ~(PEER_MIN | PEER_BOT | PEER_USERNAME | PEER_PHONE)) != 0) {
            throw corrupt("a peer has a kind or flags this version does not know");
        }
        long id = in.getLong();
        long accessHash = in.getLong();
        String username = (flags & PEER_USERNAME) != 0 ? readAscii(in, StoredPeer.MAX_USERNAME_LENGTH) : null;
        String phone = (flags & PEER_PHONE) != 0 ? readAscii(in, StoredPeer.MAX_PHONE_LENGTH) : null;
        return new StoredPeer(KINDS[kind], id, accessHash, (flags & PEER_MIN) != 0, username, phone,
                (flags & PEER_BOT) != 0);
    }

    private static String readAscii(ByteBuffer in, int maxLength) {
        int length = Byte.toUnsignedInt(in.get());
        if (length == 0 || length > maxLength) {
            throw corrupt("a peer's username or phone has a bad length");
        }
        byte[] text = new byte[length];
        in.get(text);
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static SessionStringException corrupt(String detail) {
        return new SessionStringException("The session string cannot be used: " + detail + ". Export it again.");
    }
}
