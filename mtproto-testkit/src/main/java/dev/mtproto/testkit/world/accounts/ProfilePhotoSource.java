package dev.mtproto.testkit.world.accounts;

import dev.mtproto.tl.api.Photo;
import dev.mtproto.tl.api.UserProfilePhoto;
import java.util.Optional;

/** Where {@link UserObjects} finds each account's current profile photo (the world's files keep them). */
public interface ProfilePhotoSource {
    /** A source with no photos. */
    ProfilePhotoSource NONE = new ProfilePhotoSource() {
        @Override
        public Optional<UserProfilePhoto> badge(long userId) {
            return Optional.empty();
        }

        @Override
        public Optional<Photo> photo(long userId) {
            return Optional.empty();
        }
    };

    /**
     * @param userId an account
     * @return its {@code userProfilePhoto} (photo id and DC), as {@code user.photo} carries it
     */
    Optional<UserProfilePhoto> badge(long userId);

    /**
     * @param userId an account
     * @return its current profile photo, with a current file reference, as {@code userFull.profile_photo}
     */
    Optional<Photo> photo(long userId);
}
