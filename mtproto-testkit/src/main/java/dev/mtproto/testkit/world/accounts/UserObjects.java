package dev.mtproto.testkit.world.accounts;

import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserStatusOnline;
import dev.mtproto.tl.api.UserStatusRecently;
import java.util.Objects;

/**
 * The {@code user} objects Telegram sends (https://core.telegram.org/constructor/user): never {@code min}
 * here (the methods of this world that return users give full ones), with the access hash the viewer
 * gets, the {@code self} flag on the viewer's own, bots with {@code bot} and {@code bot_info_version} and
 * no status or phone, and a person's phone number only where the viewer may see it (their own, or the
 * number they looked up), and the profile photo ({@code userProfilePhoto}) if it has one.
 */
public final class UserObjects {
    /** How long after a call the viewer's own status says online, as Telegram's apps announce. */
    private static final int ONLINE_SECONDS = 300;

    private final AccessHashes accessHashes;
    private volatile ProfilePhotoSource photos = ProfilePhotoSource.NONE;

    /** @param accessHashes the world's access hashes */
    public UserObjects(AccessHashes accessHashes) {
        this.accessHashes = accessHashes;
    }

    /** @param photos where each account's profile photo is found (none until set) */
    public void profilePhotos(ProfilePhotoSource photos) {
        this.photos = Objects.requireNonNull(photos, "photos");
    }

    /** @return where each account's profile photo is found */
    public ProfilePhotoSource profilePhotos() {
        return photos;
    }

    /**
     * @param viewer the account looking
     * @param target the account seen (the viewer itself for {@code self})
     * @param showPhone whether the viewer may see the target's phone number (always for {@code self})
     * @param nowSeconds the world's time
     * @return the {@code user} the viewer gets
     */
    public User seenBy(Account viewer, Account target, boolean showPhone, long nowSeconds) {
        boolean self = viewer.id() == target.id();
        User.Builder user = User.builder()
                .self(self)
                .bot(target.bot())
                .id(target.id())
                .accessHash(accessHashes.of(viewer.id(), target.id()))
                .firstName(target.firstName())
                .lastName(target.lastName().isEmpty() ? null : target.lastName())
                .username(target.hasUsername() ? target.username() : null)
                .photo(photos.badge(target.id()).orElse(null));
        if (target.bot()) {
            user.botInfoVersion(1);
        } else {
            if ((self || showPhone) && !target.phone().isEmpty()) {
                user.phone(target.phone());
            }
            user.status(self ? new UserStatusOnline((int) nowSeconds + ONLINE_SECONDS) : new UserStatusRecently(false));
        }
        return user.build();
    }

    /**
     * @param account an account
     * @param nowSeconds the world's time
     * @return the account's own {@code user}, with {@code self} set
     */
    public User self(Account account, long nowSeconds) {
        return seenBy(account, account, true, nowSeconds);
    }
}
