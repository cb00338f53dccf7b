package dev.mtproto.messages.keyboard;

import dev.mtproto.tl.api.ChatAdminRightsType;
import dev.mtproto.tl.api.RequestPeerType;
import dev.mtproto.tl.api.RequestPeerTypeBroadcast;
import dev.mtproto.tl.api.RequestPeerTypeChat;
import dev.mtproto.tl.api.RequestPeerTypeUser;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a "request peer" reply button asks the user to pick, and with which criteria. Immutable; each
 * method returns a changed copy:
 *
 * <pre>{@code
 * PeerRequest.users().bot(false).premium(true).maxQuantity(3).requestName()
 * PeerRequest.chats().creator().forum(true)
 * PeerRequest.channels().hasUsername(true).userAdminRights(rights)
 * }</pre>
 *
 * <p>A criterion left unset (null) means "either". Users may be picked up to 10 at once, chats and
 * channels one at a time (https://core.telegram.org/bots/api#keyboardbuttonrequestusers).
 */
public final class PeerRequest {
    /** Most users one button may ask for. */
    public static final int MAX_USERS = 10;

    private enum Kind { USERS, CHATS, CHANNELS }

    private final Kind kind;
    private final Boolean bot;
    private final Boolean premium;
    private final boolean creator;
    private final boolean botParticipant;
    private final Boolean hasUsername;
    private final Boolean forum;
    private final ChatAdminRightsType userAdminRights;
    private final ChatAdminRightsType botAdminRights;
    private final int maxQuantity;
    private final boolean nameRequested;
    private final boolean usernameRequested;
    private final boolean photoRequested;

    /** The fields while a changed copy is made. */
    private static final class Draft {
        private Boolean bot;
        private Boolean premium;
        private boolean creator;
        private boolean botParticipant;
        private Boolean hasUsername;
        private Boolean forum;
        private ChatAdminRightsType userAdminRights;
        private ChatAdminRightsType botAdminRights;
        private int maxQuantity = 1;
        private boolean nameRequested;
        private boolean usernameRequested;
        private boolean photoRequested;
    }

    private PeerRequest(Kind kind, Draft draft) {
        this.kind = kind;
        this.bot = draft.bot;
        this.premium = draft.premium;
        this.creator = draft.creator;
        this.botParticipant = draft.botParticipant;
        this.hasUsername = draft.hasUsername;
        this.forum = draft.forum;
        this.userAdminRights = draft.userAdminRights;
        this.botAdminRights = draft.botAdminRights;
        this.maxQuantity = draft.maxQuantity;
        this.nameRequested = draft.nameRequested;
        this.usernameRequested = draft.usernameRequested;
        this.photoRequested = draft.photoRequested;
    }

    private PeerRequest with(Consumer<Draft> change) {
        Draft draft = new Draft();
        draft.bot = bot;
        draft.premium = premium;
        draft.creator = creator;
        draft.botParticipant = botParticipant;
        draft.hasUsername = hasUsername;
        draft.forum = forum;
        draft.userAdminRights = userAdminRights;
        draft.botAdminRights = botAdminRights;
        draft.maxQuantity = maxQuantity;
        draft.nameRequested = nameRequested;
        draft.usernameRequested = usernameRequested;
        draft.photoRequested = photoRequested;
        change.accept(draft);
        return new PeerRequest(kind, draft);
    }

    /** @return a request for one user, bot or not */
    public static PeerRequest users() {
        return new PeerRequest(Kind.USERS, new Draft());
    }

    /** @return a request for one basic group or supergroup */
    public static PeerRequest chats() {
        return new PeerRequest(Kind.CHATS, new Draft());
    }

    /** @return a request for one channel */
    public static PeerRequest channels() {
        return new PeerRequest(Kind.CHANNELS, new Draft());
    }

    /**
     * @param isBot true for bots only, false for people only
     * @return the changed copy
     * @throws IllegalStateException unless this requests users
     */
    public PeerRequest bot(boolean isBot) {
        only(Kind.USERS, "bot");
        return with(d -> d.bot = isBot);
    }

    /**
     * @param isPremium true for Telegram Premium users only, false for the others
     * @return the changed copy
     * @throws IllegalStateException unless this requests users
     */
    public PeerRequest premium(boolean isPremium) {
        only(Kind.USERS, "premium");
        return with(d -> d.premium = isPremium);
    }

    /**
     * @param count how many users the user may pick, 1 to {@value #MAX_USERS}
     * @return the changed copy
     * @throws IllegalStateException unless this requests users
     * @throws IllegalArgumentException if {@code count} is out of range
     */
    public PeerRequest maxQuantity(int count) {
        only(Kind.USERS, "maxQuantity");
        if (count < 1 || count > MAX_USERS) {
            throw new IllegalArgumentException("a peer request may ask for 1 to " + MAX_USERS + " users, not " + count);
        }
        return with(d -> d.maxQuantity = count);
    }

    /**
     * @return the changed copy: only chats or channels the user created
     * @throws IllegalStateException if this requests users
     */
    public PeerRequest creator() {
        notUsers("creator");
        return with(d -> d.creator = true);
    }

    /**
     * @return the changed copy: only chats the bot is a member of
     * @throws IllegalStateException unless this requests chats
     */
    public PeerRequest botParticipant() {
        only(Kind.CHATS, "botParticipant");
        return with(d -> d.botParticipant = true);
    }

    /**
     * @param withUsername true for public chats or channels only, false for private ones only
     * @return the changed copy
     * @throws IllegalStateException if this requests users
     */
    public PeerRequest hasUsername(boolean withUsername) {
        notUsers("hasUsername");
        return with(d -> d.hasUsername = withUsername);
    }

    /**
     * @param isForum true for forum supergroups only, false for the others
     * @return the changed copy
     * @throws IllegalStateException unless this requests chats
     */
    public PeerRequest forum(boolean isForum) {
        only(Kind.CHATS, "forum");
        return with(d -> d.forum = isForum);
    }

    /**
     * @param rights the rights the user must have as an administrator
     * @return the changed copy
     * @throws IllegalStateException if this requests users
     */
    public PeerRequest userAdminRights(ChatAdminRightsType rights) {
        notUsers("userAdminRights");
        return with(d -> d.userAdminRights = rights);
    }

    /**
     * @param rights the rights the bot must have (or be given) as an administrator
     * @return the changed copy
     * @throws IllegalStateException if this requests users
     */
    public PeerRequest botAdminRights(ChatAdminRightsType rights) {
        notUsers("botAdminRights");
        return with(d -> d.botAdminRights = rights);
    }

    /** @return the changed copy: the bot also receives the picked peers' names */
    public PeerRequest requestName() {
        return with(d -> d.nameRequested = true);
    }

    /** @return the changed copy: the bot also receives the picked peers' usernames */
    public PeerRequest requestUsername() {
        return with(d -> d.usernameRequested = true);
    }

    /** @return the changed copy: the bot also receives the picked peers' photos */
    public PeerRequest requestPhoto() {
        return with(d -> d.photoRequested = true);
    }

    int maxQuantity() {
        return maxQuantity;
    }

    boolean nameRequested() {
        return nameRequested;
    }

    boolean usernameRequested() {
        return usernameRequested;
    }

    boolean photoRequested() {
        return photoRequested;
    }

    /** @return the TL peer type this request stands for */
    RequestPeerType peerType() {
        return switch (kind) {
            case USERS -> new RequestPeerTypeUser(bot, premium);
            case CHATS -> new RequestPeerTypeChat(creator, botParticipant, hasUsername, forum, userAdminRights,
                    botAdminRights);
            case CHANNELS -> new RequestPeerTypeBroadcast(creator, hasUsername, userAdminRights, botAdminRights);
        };
    }

    private void only(Kind wanted, String criterion) {
        if (kind != wanted) {
            throw new IllegalStateException(criterion + " applies to a request for " + wanted.name().toLowerCase(
                    Locale.ROOT) + " only, this one is for " + kind.name().toLowerCase(Locale.ROOT));
        }
    }

    private void notUsers(String criterion) {
        if (kind == Kind.USERS) {
            throw new IllegalStateException(criterion + " applies to requests for chats and channels, not users");
        }
    }
}
