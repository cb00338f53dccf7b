package dev.mtproto.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The peer cache file's format, version 1: one line per peer, in the order they were first stored, between
 * the header {@code mtproto-session-peers 1} and the checksum line (see {@link TextFileFormat}):
 * <pre>
 * &lt;kind&gt;,&lt;id&gt;,&lt;access_hash&gt;,&lt;min&gt;,&lt;bot&gt;,&lt;username&gt;,&lt;phone&gt;
 * </pre>
 * {@code kind} is {@code user}, {@code chat} or {@code channel}; {@code id} a positive and
 * {@code access_hash} a signed decimal; {@code min} and {@code bot} are {@code 0} or {@code 1}; username
 * and phone are empty when absent. For example {@code user,777000,-2938475610293847561,0,0,telegram,42777}.
 */
final class PeerFileFormat extends TextFileFormat<PeerTable> {
    /** The format version written, and the newest read. */
    static final int VERSION = 1;

    /** The one instance. */
    static final PeerFileFormat INSTANCE = new PeerFileFormat();

    private static final Pattern POSITIVE = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern SIGNED = Pattern.compile("-?(0|[1-9][0-9]{0,18})");
    private static final Pattern FLAG = Pattern.compile("[01]");
    private static final String[] FIELDS = {"kind", "id", "access_hash", "min", "bot", "username", "phone"};

    private PeerFileFormat() {
        super("mtproto-session-peers", VERSION, "Peer cache file",
                "It is left untouched; delete it to start with an empty peer cache (the login is kept).");
    }

    @Override
    PeerTable empty() {
        return PeerTable.EMPTY;
    }

    @Override
    int sizeHint(PeerTable peers) {
        return 64 * peers.size();
    }

    @Override
    void encodeLines(PeerTable peers, StringBuilder text) {
        for (StoredPeer peer : peers.peers()) {
            text.append(peer.kind().name().toLowerCase(Locale.ROOT)).append(',').append(peer.id()).append(',')
                    .append(peer.accessHash()).append(',').append(peer.min() ? '1' : '0').append(',')
                    .append(peer.bot() ? '1' : '0').append(',')
                    .append(peer.username() == null ? "" : peer.username()).append(',')
                    .append(peer.phone() == null ? "" : peer.phone()).append('\n');
        }
    }

    @Override
    PeerTable decodeLines(Lines lines) {
        List<StoredPeer> peers = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        lines.forEach(line -> {
            String[] fields = line.split(",", -1);
            if (fields.length != FIELDS.length) {
                throw lines.corrupt("line " + lines.lineNumber() + " does not have the " + FIELDS.length
                        + " comma-separated fields of a peer");
            }
            PeerKind kind = kind(lines, fields[0]);
            check(lines, 1, POSITIVE, fields[1]);
            check(lines, 2, SIGNED, fields[2]);
            check(lines, 3, FLAG, fields[3]);
            check(lines, 4, FLAG, fields[4]);
            if (!keys.add(fields[0] + "," + fields[1])) {
                throw lines.corrupt("line " + lines.lineNumber() + " repeats " + fields[0] + " " + fields[1]);
            }
            long id = parse(lines, 1, fields[1]);
            long accessHash = parse(lines, 2, fields[2]);
            try {
                peers.add(new StoredPeer(kind, id, accessHash, fields[3].equals("1"),
                        fields[5].isEmpty() ? null : fields[5], fields[6].isEmpty() ? null : fields[6],
                        fields[4].equals("1")));
            } catch (IllegalArgumentException e) {
                throw lines.corrupt("line " + lines.lineNumber() + " is not a valid peer (" + e.getMessage() + ")");
            }
        });
        return PeerTable.of(peers);
    }

    private static PeerKind kind(Lines lines, String text) {
        for (PeerKind kind : PeerKind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(text)) {
                return kind;
            }
        }
        throw lines.badValue(FIELDS[0]);
    }

    private static long parse(Lines lines, int field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw lines.badValue(FIELDS[field]);
        }
    }

    private static void check(Lines lines, int field, Pattern pattern, String value) {
        if (!pattern.matcher(value).matches()) {
            throw lines.badValue(FIELDS[field]);
        }
    }
}
