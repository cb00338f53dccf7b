package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.accounts.ProfilePhotoSource;
import dev.mtproto.tl.api.Photo;
import dev.mtproto.tl.api.UserProfilePhoto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every account's profile photos, newest (the current one) first: what {@code user.photo},
 * {@code userFull.profile_photo}, {@code photos.getUserPhotos} and {@code inputPeerPhotoFileLocation} show.
 * Thread-safe.
 */
final class ProfilePhotos implements ProfilePhotoSource {
    private final FileStore store;
    private final Map<Long, List<Long>> photos = new ConcurrentHashMap<>();

    ProfilePhotos(FileStore store) {
        this.store = store;
    }

    /** Makes a stored photo the account's current profile photo. */
    void add(long userId, StoredPhoto photo) {
        photos.compute(userId, (id, list) -> {
            List<Long> next = new ArrayList<>();
            next.add(photo.id());
            if (list != null) {
                next.addAll(list);
            }
            return List.copyOf(next);
        });
    }

    /** @return the account's profile photos, newest first */
    List<StoredPhoto> of(long userId) {
        return photos.getOrDefault(userId, List.of()).stream().map(id -> store.photo(id).orElseThrow()).toList();
    }

    /** @return the account's current profile photo */
    Optional<StoredPhoto> current(long userId) {
        List<Long> list = photos.getOrDefault(userId, List.of());
        return list.isEmpty() ? Optional.empty() : store.photo(list.get(0));
    }

    @Override
    public Optional<UserProfilePhoto> badge(long userId) {
        return current(userId).map(p -> new UserProfilePhoto(false, false, p.id(), null, p.dcId()));
    }

    @Override
    public Optional<Photo> photo(long userId) {
        return current(userId).map(store::photoTl);
    }
}
