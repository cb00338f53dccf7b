package dev.mtproto.telegram.media;

import dev.mtproto.client.MtprotoClient;
import dev.mtproto.files.FileReferenceRefresher;
import dev.mtproto.peers.PeerResolver;
import dev.mtproto.store.PeerKind;
import dev.mtproto.telegram.ChatKind;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.InputFileLocationType;
import dev.mtproto.tl.api.InputMessageID;
import dev.mtproto.tl.api.InputPhotoFileLocation;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.MessageMediaPhoto;
import dev.mtproto.tl.api.MessageType;
import dev.mtproto.tl.api.Photo;
import dev.mtproto.tl.api.PhotoType;
import dev.mtproto.tl.api.UserFull;
import dev.mtproto.tl.api.channels.GetMessages;
import dev.mtproto.tl.api.messages.ChannelMessages;
import dev.mtproto.tl.api.messages.Messages;
import dev.mtproto.tl.api.messages.MessagesSlice;
import dev.mtproto.tl.api.messages.MessagesType;
import dev.mtproto.tl.api.users.GetFullUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a fresh file reference from where the photo or document was seen
 * (https://core.telegram.org/api/file_reference): fetches the message again ({@code messages.getMessages}, or
 * {@code channels.getMessages} in a supergroup or channel) or the user's profile photos
 * ({@code photos.getUserPhotos}, then {@code users.getFullUser}), finds the same photo or document id there and
 * puts its new reference into the location.
 */
final class OriginRefresher implements FileReferenceRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(OriginRefresher.class);

    private final MtprotoClient client;
    private final PeerResolver peers;
    private final FileOrigin origin;
    private final long fileId;

    OriginRefresher(MtprotoClient client, PeerResolver peers, FileOrigin origin, long fileId) {
        this.client = client;
        this.peers = peers;
        this.origin = origin;
        this.fileId = fileId;
    }

    @Override
    public CompletableFuture<InputFileLocationType> refresh(InputFileLocationType stale) {
        LOG.debug("refreshing the file reference of {} from {}", fileId, origin);
        return freshReference().thenApply(reference -> withReference(stale, reference));
    }

    private CompletableFuture<byte[]> freshReference() {
        if (origin instanceof FileOrigin.Message m) {
            return message(m).thenApply(found -> found.flatMap(this::referenceIn)
                    .orElseThrow(() -> new FileOriginException("message " + m.messageId() + " in chat " + m.chat().markedId()
                            + " no longer carries file " + fileId)));
        }
        FileOrigin.ProfilePhoto p = (FileOrigin.ProfilePhoto) origin;
        return peers.resolve(PeerKind.USER, p.userId()).thenCompose(peer -> {
            var user = InputPeers.user(peer);
            return ProfilePhotos.fetch(client, user).thenCompose(photos -> {
                Optional<byte[]> found = referenceIn(photos);
                if (found.isPresent()) {
                    return CompletableFuture.completedFuture(found.get());
                }
                return client.invoke(new GetFullUser(user)).thenApply(full -> {
                    UserFull u = (UserFull) full.fullUser();
                    List<PhotoType> candidates = new ArrayList<>();
                    for (PhotoType photo : new PhotoType[] {u.profilePhoto(), u.personalPhoto(), u.fallbackPhoto()}) {
                        if (photo != null) {
                            candidates.add(photo);
                        }
                    }
                    return referenceIn(candidates).orElseThrow(() -> new FileOriginException("user " + p.userId()
                            + " no longer has profile photo " + fileId));
                });
            });
        });
    }

    private CompletableFuture<Optional<Message>> message(FileOrigin.Message m) {
        ChatKind kind = m.chat().kind();
        List<dev.mtproto.tl.api.InputMessage> ids = List.of(new InputMessageID(m.messageId()));
        CompletableFuture<MessagesType> answer = kind == ChatKind.SUPERGROUP || kind == ChatKind.CHANNEL
                ? peers.resolve(m.chat().peerKind(), m.chat().id()).thenCompose(p -> client.invoke(new GetMessages(InputPeers.channel(p), ids)))
                : client.invoke(new dev.mtproto.tl.api.messages.GetMessages(ids));
        return answer.thenApply(r -> messages(r).stream().filter(x -> x instanceof Message msg && msg.id() == m.messageId())
                .map(Message.class::cast).findFirst());
    }

    private static List<MessageType> messages(MessagesType r) {
        if (r instanceof Messages a) {
            return a.messages();
        } else if (r instanceof MessagesSlice s) {
            return s.messages();
        } else if (r instanceof ChannelMessages c) {
            return c.messages();
        }
        return List.of();
    }

    private Optional<byte[]> referenceIn(Message message) {
        if (message.media() instanceof MessageMediaPhoto p && p.photo() instanceof Photo photo && photo.id() == fileId) {
            return Optional.of(photo.fileReference());
        }
        if (message.media() instanceof MessageMediaDocument d && d.document() instanceof Document doc && doc.id() == fileId) {
            return Optional.of(doc.fileReference());
        }
        return Optional.empty();
    }

    private Optional<byte[]> referenceIn(List<? extends PhotoType> photos) {
        return photos.stream().filter(x -> x instanceof Photo photo && photo.id() == fileId).map(x -> ((Photo) x).fileReference()).findFirst();
    }

    /**
     * @param stale a photo's or document's location
     * @param reference the fresh reference
     * @return the same location with it
     * @throws IllegalArgumentException for a location that has no reference
     */
    static InputFileLocationType withReference(InputFileLocationType stale, byte[] reference) {
        if (stale instanceof InputPhotoFileLocation p) {
            return new InputPhotoFileLocation(p.id(), p.accessHash(), reference, p.thumbSize());
        } else if (stale instanceof InputDocumentFileLocation d) {
            return new InputDocumentFileLocation(d.id(), d.accessHash(), reference, d.thumbSize());
        }
        throw new IllegalArgumentException("a " + stale.tlName() + " has no file reference to refresh");
    }
}
