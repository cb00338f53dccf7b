package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.testkit.world.accounts.UserObjects;
import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.messages.Destination;
import dev.mtproto.testkit.world.messages.InputPeers;
import dev.mtproto.tl.api.InputPeerPhotoFileLocation;
import dev.mtproto.tl.api.PhotoType;
import dev.mtproto.tl.api.photos.GetUserPhotos;
import dev.mtproto.tl.api.photos.Photo;
import dev.mtproto.tl.api.photos.Photos;
import dev.mtproto.tl.api.photos.PhotosSlice;
import dev.mtproto.tl.api.photos.UploadProfilePhoto;
import java.util.List;
import java.util.Optional;

/**
 * Profile photos (https://core.telegram.org/api/files, https://core.telegram.org/method/photos.uploadProfilePhoto):
 * {@code photos.uploadProfilePhoto} makes an uploaded image the caller's current photo (sizes {@code a},
 * {@code b}, {@code c}, {@code d}: longest side 160, 320, 640, 1280), seen from then on in {@code user.photo}
 * ({@code userProfilePhoto} with the photo id and DC) and {@code userFull.profile_photo};
 * {@code photos.getUserPhotos} lists a user's photos, newest first, each with a current file reference; an
 * {@code inputPeerPhotoFileLocation} of a user's photo downloads its small ({@code a}) or big ({@code c}, or
 * the largest there is) size. Videos, {@code fallback} and bots' photos are not modelled.
 */
final class PhotoMethods {
    /** The most photos one {@code photos.getUserPhotos} returns. */
    static final int MAX_LIMIT = 100;

    private final InputPeers peers;
    private final UserObjects users;
    private final MediaFactory media;
    private final ProfilePhotos photos;
    private final FileStore store;

    PhotoMethods(InputPeers peers, UserObjects users, MediaFactory media, ProfilePhotos photos, FileStore store) {
        this.peers = peers;
        this.users = users;
        this.media = media;
        this.photos = photos;
        this.store = store;
    }

    void register(WorldHandlers handlers) {
        handlers.on(UploadProfilePhoto.class, this::uploadProfilePhoto);
        handlers.on(GetUserPhotos.class, this::getUserPhotos);
    }

    private Object uploadProfilePhoto(UploadProfilePhoto m, Caller c) {
        String method = m.tlName();
        if (m.file() == null) {
            throw WorldErrors.of(400, "PHOTO_FILE_MISSING", method);
        }
        StoredPhoto photo = media.uploadPhoto(c, m.file(), PhotoScaler::profilePhoto, method);
        photos.add(c.account().id(), photo);
        return new Photo(store.photoTl(photo), List.of(users.self(c.account(), c.nowSeconds())));
    }

    private Object getUserPhotos(GetUserPhotos m, Caller c) {
        String method = m.tlName();
        Account viewer = c.account();
        Account target = peers.user(viewer, m.userId(), method);
        if (m.limit() < 0 || m.offset() < 0) {
            throw WorldErrors.of(400, "LIMIT_INVALID", method);
        }
        List<StoredPhoto> all = photos.of(target.id()).stream().filter(p -> m.maxId() <= 0 || p.id() < m.maxId()).toList();
        int limit = m.limit() == 0 ? MAX_LIMIT : Math.min(m.limit(), MAX_LIMIT);
        List<PhotoType> page = all.stream().skip(m.offset()).limit(limit).map(p -> (PhotoType) store.photoTl(p)).toList();
        List<dev.mtproto.tl.api.User> seen = List.of(users.seenBy(viewer, target, false, c.nowSeconds()));
        return page.size() == all.size() ? new Photos(page, seen) : new PhotosSlice(all.size(), page, seen);
    }

    /** What {@link FileLocator} finds for an {@code inputPeerPhotoFileLocation}: one of the user's photos. */
    Optional<StoredPhoto> peerPhoto(Caller c, InputPeerPhotoFileLocation location, String method) {
        if (!(peers.resolve(c.account(), location.peer(), method) instanceof Destination.ToUser u)) {
            return Optional.empty();
        }
        return photos.of(u.user().id()).stream().filter(p -> p.id() == location.photoId()).findFirst();
    }
}
