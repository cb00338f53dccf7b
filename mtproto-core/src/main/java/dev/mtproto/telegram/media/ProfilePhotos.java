package dev.mtproto.telegram.media;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.files.RemoteFile;
import dev.mtproto.peers.PeerResolver;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.telegram.ChatRef;
import dev.mtproto.tl.api.Channel;
import dev.mtproto.tl.api.Chat;
import dev.mtproto.tl.api.ChatPhoto;
import dev.mtproto.tl.api.ChatType;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerPhotoFileLocation;
import dev.mtproto.tl.api.InputUserType;
import dev.mtproto.tl.api.Photo;
import dev.mtproto.tl.api.PhotoType;
import dev.mtproto.tl.api.User;
import dev.mtproto.tl.api.UserProfilePhoto;
import dev.mtproto.tl.api.channels.GetChannels;
import dev.mtproto.tl.api.messages.Chats;
import dev.mtproto.tl.api.messages.ChatsSlice;
import dev.mtproto.tl.api.messages.ChatsType;
import dev.mtproto.tl.api.messages.GetChats;
import dev.mtproto.tl.api.photos.GetUserPhotos;
import dev.mtproto.tl.api.photos.Photos;
import dev.mtproto.tl.api.photos.PhotosSlice;
import dev.mtproto.tl.api.users.GetUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Profile photos: a user's, group's or channel's current one as {@code inputPeerPhotoFileLocation} (big or small,
 * no file reference needed), and a user's whole list from {@code photos.getUserPhotos}.
 */
final class ProfilePhotos {
    /** How many photos {@link #list} asks for. */
    static final int LIST_LIMIT = 100;

    private final MtprotoClient client;
    private final PeerResolver peers;

    /** A current profile photo: its id and the DC that stores it. */
    private record Current(long photoId, int dcId) {
    }

    ProfilePhotos(MtprotoClient client, PeerResolver peers) {
        this.client = client;
        this.peers = peers;
    }

    /**
     * @param chat a user, group, supergroup or channel
     * @param big the 640x640 photo, else the 160x160 one
     * @return its current photo as a file; fails with {@link FileOriginException} if it has none
     */
    CompletableFuture<RemoteFile> current(ChatRef chat, boolean big) {
        return peers.resolve(chat.peerKind(), chat.id()).thenCompose(peer -> photoOf(chat, peer).thenApply(photo -> {
            if (photo == null) {
                throw new FileOriginException(chat.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + chat.id() + " has no profile photo");
            }
            return RemoteFile.of(photo.dcId() > 0 ? photo.dcId() : client.homeDc(), new InputPeerPhotoFileLocation(big, peer, photo.photoId()), -1);
        }));
    }

    /** @return the current photo, or null for none */
    private CompletableFuture<Current> photoOf(ChatRef chat, InputPeer peer) {
        if (chat.kind() == ChatKind.PRIVATE) {
            return client.invoke(new GetUsers(List.of(InputPeers.user(peer)))).thenApply(users -> users.stream()
                    .filter(u -> u instanceof User user && user.photo() instanceof UserProfilePhoto)
                    .map(u -> (UserProfilePhoto) ((User) u).photo()).findFirst()
                    .map(p -> new Current(p.photoId(), p.dcId())).orElse(null));
        }
        CompletableFuture<ChatsType> chats = chat.kind() == ChatKind.GROUP ? client.invoke(new GetChats(List.of(chat.id())))
                : client.invoke(new GetChannels(List.of(InputPeers.channel(peer))));
        return chats.thenApply(answer -> {
            List<ChatType> list = answer instanceof Chats c ? c.chats() : ((ChatsSlice) answer).chats();
            for (ChatType c : list) {
                if (c instanceof Chat g && g.photo() instanceof ChatPhoto p) {
                    return new Current(p.photoId(), p.dcId());
                } else if (c instanceof Channel ch && ch.photo() instanceof ChatPhoto p) {
                    return new Current(p.photoId(), p.dcId());
                }
            }
            return null;
        });
    }

    /**
     * @param userId a user
     * @return their profile photos, newest first (up to {@value #LIST_LIMIT}), each with the profile as its origin
     */
    CompletableFuture<List<PhotoMedia>> list(long userId) {
        return peers.resolve(dev.mtproto.store.PeerKind.USER, userId)
                .thenCompose(peer -> fetch(InputPeers.user(peer)))
                .thenApply(photos -> {
                    List<PhotoMedia> out = new ArrayList<>();
                    for (PhotoType p : photos) {
                        if (p instanceof Photo photo) {
                            out.add(new PhotoMedia(photo, false, new FileOrigin.ProfilePhoto(userId)));
                        }
                    }
                    return List.copyOf(out);
                });
    }

    /**
     * @param client the client
     * @param user a user
     * @return their profile photos from {@code photos.getUserPhotos}, newest first (up to {@value #LIST_LIMIT})
     */
    static CompletableFuture<List<PhotoType>> fetch(MtprotoClient client, InputUserType user) {
        return client.invoke(new GetUserPhotos(user, 0, 0L, LIST_LIMIT))
                .thenApply(answer -> answer instanceof Photos all ? all.photos() : ((PhotosSlice) answer).photos());
    }

    private CompletableFuture<List<PhotoType>> fetch(InputUserType user) {
        return fetch(client, user);
    }
}
