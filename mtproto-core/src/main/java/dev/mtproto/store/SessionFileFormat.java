package dev.mtproto.store;

import dev.mtproto.crypto.AuthKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session file's format, version 2 (written) and 1 (read): everything of a {@link SessionSnapshot}
 * but the peers, which live in their own file ({@link PeerFileFormat}). See the package documentation for
 * the layout. Version 1 files hold only {@code home_dc} and the four entries of each DC; version 2 adds
 * {@code dc.<id>.authorized_user_id}, {@code account.*}, {@code update.*} and {@code channel.<id>.pts}. The
 * reader rejects unknown, repeated, missing or malformed entries, and entries newer than the file's
 * version, since ignoring them would lose data on the next save.
 */
final class SessionFileFormat extends TextFileFormat<SessionSnapshot> {
    /** The format version written, and the newest read. */
    static final int VERSION = 2;

    /** The word every session file starts with. */
    static final String MAGIC = "mtproto-session-store";

    /** The one instance. */
    static final SessionFileFormat INSTANCE = new SessionFileFormat();

    private static final HexFormat HEX = HexFormat.of();
    private static final String HOME_DC = "home_dc";
    private static final String AUTH_KEY = "auth_key";
    private static final String SERVER_SALT = "server_salt";
    private static final String TIME_OFFSET = "time_offset_ms";
    private static final String CREATED_AT = "created_at";
    private static final String AUTHORIZED_USER = "authorized_user_id";
    private static final String ACCOUNT_USER = "account.user_id";
    private static final String ACCOUNT_BOT = "account.bot";
    private static final String[] UPDATE_STATE = {"update.pts", "update.qts", "update.seq", "update.date"};

    private static final Pattern NAME = Pattern.compile("[a-z0-9_.]{1,64}");
    private static final Pattern DC_ENTRY = Pattern.compile("dc\\.([1-9][0-9]{0,3})\\.([a-z_]+)");
    private static final Pattern CHANNEL_ENTRY = Pattern.compile("channel\\.([1-9][0-9]{0,18})\\.pts");
    private static final Pattern DC_NUMBER = Pattern.compile("[1-9][0-9]{0,3}");
    private static final Pattern SALT_TEXT = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern SIGNED_TEXT = Pattern.compile("-?(0|[1-9][0-9]{0,18})");
    private static final Pattern KEY_TEXT = Pattern.compile("[A-Za-z0-9+/]{342}==");

    private SessionFileFormat() {
        super(MAGIC, VERSION, "Session file",
                "It is left untouched; move or delete it to start over (the account must then log in again).");
    }

    @Override
    SessionSnapshot empty() {
        return SessionSnapshot.EMPTY;
    }

    @Override
    int sizeHint(SessionSnapshot contents) {
        return 512 * contents.authorizations().size() + 32 * contents.channelPts().size();
    }

    @Override
    void encodeLines(SessionSnapshot contents, StringBuilder text) {
        contents.homeDc().ifPresent(dcId -> entry(text, HOME_DC, dcId));
        Base64.Encoder base64 = Base64.getEncoder();
        contents.authorizations().forEach((dcId, authorization) -> {
            String prefix = "dc." + dcId + ".";
            byte[] key = authorization.authKey().toByteArray();
            entry(text, prefix + AUTH_KEY, base64.encodeToString(key));
            Arrays.fill(key, (byte) 0);
            entry(text, prefix + SERVER_SALT, HEX.toHexDigits(authorization.serverSalt()));
            entry(text, prefix + TIME_OFFSET, authorization.timeOffsetMillis());
            entry(text, prefix + CREATED_AT, authorization.createdAt());
            entry(text, prefix + AUTHORIZED_USER, authorization.authorizedUserId());
        });
        contents.account().ifPresent(account -> {
            entry(text, ACCOUNT_USER, account.userId());
            entry(text, ACCOUNT_BOT, account.bot() ? 1 : 0);
        });
        contents.updateState().ifPresent(state -> {
            int[] values = {state.pts(), state.qts(), state.seq(), state.date()};
            for (int i = 0; i < values.length; i++) {
                entry(text, UPDATE_STATE[i], values[i]);
            }
        });
        contents.channelPts().forEach((channelId, pts) -> entry(text, "channel." + channelId + ".pts", pts));
    }

    private static void entry(StringBuilder text, String name, Object value) {
        text.append(name).append('=').append(value).append('\n');
    }

    @Override
    SessionSnapshot decodeLines(Lines lines) {
        Map<Integer, AuthorizationLines> dcs = new TreeMap<>();
        Map<String, String> singles = new HashMap<>();
        TreeMap<Long, Integer> channelPts = new TreeMap<>();
        lines.forEach(line -> {
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals);
            if (equals < 0 || !NAME.matcher(name).matches()) {
                throw lines.corrupt("line " + lines.lineNumber() + " is not a 'name=value' entry");
            }
            String value = line.substring(equals + 1);
            Matcher dcEntry = DC_ENTRY.matcher(name);
            Matcher channelEntry = CHANNEL_ENTRY.matcher(name);
            if (dcEntry.matches()) {
                dcs.computeIfAbsent(Integer.parseInt(dcEntry.group(1)), id -> new AuthorizationLines())
                        .accept(lines, name, dcEntry.group(2), value);
            } else if (channelEntry.matches() && lines.version() >= 2) {
                long channelId = parseSigned(lines, name, channelEntry.group(1));
                if (channelPts.put(channelId, (int) parseInt(lines, name, value)) != null) {
                    throw repeated(lines, name);
                }
            } else if (isSingle(name, lines.version())) {
                if (singles.put(name, value) != null) {
                    throw repeated(lines, name);
                }
                checkSingle(lines, name, value);
            } else {
                throw lines.corrupt("line " + lines.lineNumber() + " has unknown entry '" + name + "'");
            }
        });
        TreeMap<Integer, DcAuthorization> authorizations = new TreeMap<>();
        dcs.forEach((dcId, dcLines) -> authorizations.put(dcId, dcLines.toAuthorization(lines, dcId)));
        OptionalInt homeDc = singles.containsKey(HOME_DC) ? OptionalInt.of(Integer.parseInt(singles.get(HOME_DC)))
                : OptionalInt.empty();
        return new SessionSnapshot(authorizations, homeDc, account(lines, singles), updateState(lines, singles),
                channelPts, PeerTable.EMPTY);
    }

    private static boolean isSingle(String name, int version) {
        return name.equals(HOME_DC) || version >= 2 && (name.equals(ACCOUNT_USER) || name.equals(ACCOUNT_BOT)
                || Arrays.asList(UPDATE_STATE).contains(name));
    }

    private static void checkSingle(Lines lines, String name, String value) {
        boolean good = switch (name) {
            case HOME_DC -> DC_NUMBER.matcher(value).matches();
            case ACCOUNT_USER -> SIGNED_TEXT.matcher(value).matches() && !value.startsWith("-") && !value.equals("0");
            case ACCOUNT_BOT -> value.equals("0") || value.equals("1");
            default -> {
                parseInt(lines, name, value);
                yield true;
            }
        };
        if (!good) {
            throw lines.badValue(name);
        }
    }

    private static Optional<SignedInAccount> account(Lines lines, Map<String, String> singles) {
        String userId = singles.get(ACCOUNT_USER);
        String bot = singles.get(ACCOUNT_BOT);
        if (userId == null && bot == null) {
            return Optional.empty();
        }
        if (userId == null || bot == null) {
            throw lines.corrupt("it has only one of the entries '" + ACCOUNT_USER + "' and '" + ACCOUNT_BOT + "'");
        }
        return Optional.of(new SignedInAccount(Long.parseLong(userId), bot.equals("1")));
    }

    private static Optional<UpdateState> updateState(Lines lines, Map<String, String> singles) {
        int present = 0;
        int[] values = new int[UPDATE_STATE.length];
        for (int i = 0; i < UPDATE_STATE.length; i++) {
            String value = singles.get(UPDATE_STATE[i]);
            if (value != null) {
                present++;
                values[i] = Integer.parseInt(value);
            }
        }
        if (present == 0) {
            return Optional.empty();
        }
        if (present != UPDATE_STATE.length) {
            throw lines.corrupt("it lacks some of the entries " + String.join(", ", UPDATE_STATE));
        }
        return Optional.of(new UpdateState(values[0], values[1], values[2], values[3]));
    }

    private static long parseSigned(Lines lines, String name, String value) {
        if (!SIGNED_TEXT.matcher(value).matches()) {
            throw lines.badValue(name);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw lines.badValue(name);
        }
    }

    private static long parseInt(Lines lines, String name, String value) {
        long parsed = parseSigned(lines, name, value);
        if (parsed != (int) parsed) {
            throw lines.badValue(name);
        }
        return parsed;
    }

    private static SessionFileCorruptException repeated(Lines lines, String name) {
        return lines.corrupt("line " + lines.lineNumber() + " repeats entry '" + name + "'");
    }

    /** The entries of one DC as they are read, until all are there. */
    private static final class AuthorizationLines {
        private AuthKey authKey;
        private Long serverSalt;
        private Long timeOffsetMillis;
        private Instant createdAt;
        private Long authorizedUserId;

        void accept(Lines lines, String name, String field, String value) {
            switch (field) {
                case AUTH_KEY -> {
                    requireFirst(lines, name, authKey);
                    if (!KEY_TEXT.matcher(value).matches()) {
                        throw lines.badValue(name);
                    }
                    byte[] key = Base64.getDecoder().decode(value);
                    authKey = AuthKey.of(key);
                    Arrays.fill(key, (byte) 0);
                }
                case SERVER_SALT -> {
                    requireFirst(lines, name, serverSalt);
                    if (!SALT_TEXT.matcher(value).matches()) {
                        throw lines.badValue(name);
                    }
                    serverSalt = HEX.fromHexDigitsToLong(value);
                }
                case TIME_OFFSET -> {
                    requireFirst(lines, name, timeOffsetMillis);
                    long max = DcAuthorization.MAX_TIME_OFFSET.toMillis();
                    long offset = parseSigned(lines, name, value);
                    if (offset > max || offset < -max) {
                        throw lines.badValue(name);
                    }
                    timeOffsetMillis = offset;
                }
                case CREATED_AT -> {
                    requireFirst(lines, name, createdAt);
                    try {
                        createdAt = Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        throw lines.badValue(name);
                    }
                }
                case AUTHORIZED_USER -> {
                    if (lines.version() < 2) {
                        throw lines.corrupt("line " + lines.lineNumber() + " has unknown entry '" + name + "'");
                    }
                    requireFirst(lines, name, authorizedUserId);
                    long userId = parseSigned(lines, name, value);
                    if (userId < 0) {
                        throw lines.badValue(name);
                    }
                    authorizedUserId = userId;
                }
                default -> throw lines.corrupt("line " + lines.lineNumber() + " has unknown entry '" + name + "'");
            }
        }

        private static void requireFirst(Lines lines, String name, Object earlier) {
            if (earlier != null) {
                throw repeated(lines, name);
            }
        }

        DcAuthorization toAuthorization(Lines lines, int dcId) {
            String missing = authKey == null ? AUTH_KEY
                    : serverSalt == null ? SERVER_SALT
                    : timeOffsetMillis == null ? TIME_OFFSET
                    : createdAt == null ? CREATED_AT
                    : authorizedUserId == null && lines.version() >= 2 ? AUTHORIZED_USER
                    : null;
            if (missing != null) {
                throw lines.corrupt("DC " + dcId + " lacks entry 'dc." + dcId + "." + missing + "'");
            }
            return new DcAuthorization(authKey, serverSalt, timeOffsetMillis, createdAt,
                    authorizedUserId == null ? 0 : authorizedUserId);
        }
    }
}
