package dev.mtproto.telegram.media;

import dev.mtproto.files.DownloadOptions;
import dev.mtproto.files.DownloadResult;
import dev.mtproto.files.DownloadTarget;
import dev.mtproto.files.FileTransfers;
import dev.mtproto.files.RemoteFile;
import dev.mtproto.files.TransferTask;
import dev.mtproto.peers.PeerResolver;
import dev.mtproto.telegram.ChatRef;
import dev.mtproto.telegram.MessageView;
import dev.mtproto.telegram.SentMessage;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPhotoFileLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Files for the everyday API ({@code client.media()}): send photos, documents and albums; read any message's
 * media as a typed value and download it (the best size of a photo, a thumbnail, a document) to a path, a
 * stream or bytes; download profile photos. Transfers run on the client's {@link FileTransfers} (parallel parts
 * over dedicated connections, {@code FILE_MIGRATE} followed); every photo and document downloaded from a message
 * or a profile carries its origin, so an expired file reference is fetched again from there and the download
 * goes on. Thread-safe.
 *
 * <pre>{@code
 * client.media().send(chat, MediaMessage.photo(Path.of("cat.jpg")).caption("my cat").build()).join();
 * client.onMessage(m -> m.media().ifPresent(media ->
 *         client.media().download(media, DownloadTarget.toPath(Path.of("in", "file")), DownloadOptions.defaults())));
 * }</pre>
 */
public final class TelegramMedia implements AutoCloseable {
    private final TelegramClient client;
    private final FileTransfers transfers;
    private final PeerResolver peers;
    private final MediaSender sender;
    private final ProfilePhotos profiles;

    private TelegramMedia(TelegramClient client, FileTransfers transfers) {
        this.client = client;
        this.transfers = transfers;
        this.peers = PeerResolver.of(client.raw());
        this.sender = new MediaSender(client, transfers);
        this.profiles = new ProfilePhotos(client.raw(), peers);
    }

    /**
     * For {@link TelegramClient}, which makes one per client: use {@code client.media()}.
     *
     * @param client the everyday client
     * @return its media API, with its own {@link FileTransfers} at the defaults
     */
    public static TelegramMedia of(TelegramClient client) {
        Objects.requireNonNull(client, "client");
        return of(client, FileTransfers.create(client.raw()));
    }

    /**
     * @param client the everyday client
     * @param transfers the transfers of {@code client.raw()} to use (closed with this)
     * @return its media API
     */
    public static TelegramMedia of(TelegramClient client, FileTransfers transfers) {
        return new TelegramMedia(Objects.requireNonNull(client, "client"), Objects.requireNonNull(transfers, "transfers"));
    }

    /** @return the transfer engine, for raw uploads and downloads */
    public FileTransfers transfers() {
        return transfers;
    }

    // ------------------------------------------------------------------ sending

    /**
     * Uploads the file and sends it.
     *
     * @param chat where to send
     * @param message the photo or document
     * @return the message sent; fails with {@link IllegalArgumentException} if a mentioned user is unknown, with
     *     the upload's failure ({@link dev.mtproto.files.FileTransferException}, {@link java.io.UncheckedIOException}
     *     for a file that cannot be read), with {@link dev.mtproto.peers.PeerNotFoundException}, or with the call's
     *     {@link dev.mtproto.rpc.RpcException} ({@code PHOTO_INVALID_DIMENSIONS}, {@code MEDIA_CAPTION_TOO_LONG},
     *     {@code CHAT_SEND_MEDIA_FORBIDDEN}...). Cancelling it cancels the upload (no more parts are sent) and,
     *     if the upload is done, the {@code messages.sendMedia} call; the message is not sent unless that call
     *     had already reached the DC
     */
    public CompletableFuture<SentMessage> send(ChatRef chat, MediaMessage message) {
        return sender.send(inputPeer(chat), Objects.requireNonNull(message, "message"));
    }

    /**
     * @param peer where to send, as people write it ({@code @name}, {@code +phone}, an id...)
     * @param message the photo or document
     * @return the message sent; fails as {@link #send(ChatRef, MediaMessage)}
     */
    public CompletableFuture<SentMessage> send(String peer, MediaMessage message) {
        return sender.send(peers.resolve(peer), Objects.requireNonNull(message, "message"));
    }

    /**
     * Uploads every item (in parallel), stores each with {@code messages.uploadMedia}, then sends them grouped
     * with {@code messages.sendMultiMedia}.
     *
     * @param chat where to send
     * @param album the items
     * @return the messages sent, in the items' order; fails as {@link #send(ChatRef, MediaMessage)}; cancelling it
     *     cancels the uploads still running and every call not made yet
     */
    public CompletableFuture<List<SentMessage>> sendAlbum(ChatRef chat, Album album) {
        return sender.sendAlbum(inputPeer(chat), Objects.requireNonNull(album, "album"));
    }

    /**
     * @param peer where to send, as people write it
     * @param album the items
     * @return the messages sent, in the items' order; fails as {@link #sendAlbum(ChatRef, Album)}
     */
    public CompletableFuture<List<SentMessage>> sendAlbum(String peer, Album album) {
        return sender.sendAlbum(peers.resolve(peer), Objects.requireNonNull(album, "album"));
    }

    // ------------------------------------------------------------------ receiving

    /**
     * @param message a message
     * @return its media, typed, with the message as its origin; empty for none
     */
    public Optional<ReceivedMedia> of(MessageView message) {
        return ReceivedMedia.of(message.raw().media(), new FileOrigin.Message(message.chat(), message.id()));
    }

    /**
     * Downloads a message's media: a photo's best size ({@link PhotoSizeView#best}), a document's file.
     *
     * @param media a photo or document
     * @param target where to write
     * @param options progress, range, part size
     * @return the running download
     * @throws IllegalArgumentException for unsupported media, or a photo whose best size is carried inline (read
     *     it with {@link PhotoSizeView#jpeg()})
     */
    public TransferTask<DownloadResult> download(ReceivedMedia media, DownloadTarget target, DownloadOptions options) {
        Objects.requireNonNull(media, "media");
        if (media instanceof PhotoMedia photo) {
            PhotoSizeView best = photo.best().orElseThrow(() -> new IllegalArgumentException("photo " + photo.id() + " has no size"));
            return download(photo, best, target, options);
        }
        if (media instanceof DocumentMedia doc) {
            return transfers.download(document(doc, ""), target, options);
        }
        throw new IllegalArgumentException("nothing to download in " + media);
    }

    /**
     * @param photo a photo
     * @param size one of its sizes to download
     * @param target where to write
     * @param options progress, range, part size
     * @return the running download
     * @throws IllegalArgumentException if the size is carried inline (read it with {@link PhotoSizeView#jpeg()})
     */
    public TransferTask<DownloadResult> download(PhotoMedia photo, PhotoSizeView size, DownloadTarget target, DownloadOptions options) {
        requireDownloadable(size);
        var raw = photo.raw();
        RemoteFile file = new RemoteFile(raw.dcId(), new InputPhotoFileLocation(raw.id(), raw.accessHash(), raw.fileReference(), size.type()),
                size.bytes(), refresher(photo.origin(), raw.id()));
        return transfers.download(file, target, options);
    }

    /**
     * @param document a document
     * @param thumbnail one of its thumbnails to download
     * @param target where to write
     * @param options progress, range, part size
     * @return the running download
     * @throws IllegalArgumentException if the thumbnail is carried inline (read it with {@link PhotoSizeView#jpeg()})
     */
    public TransferTask<DownloadResult> downloadThumbnail(DocumentMedia document, PhotoSizeView thumbnail, DownloadTarget target,
            DownloadOptions options) {
        requireDownloadable(thumbnail);
        RemoteFile file = document(document, thumbnail.type());
        return transfers.download(new RemoteFile(file.dcId(), file.location(), thumbnail.bytes(), file.refresher()), target, options);
    }

    /**
     * Downloads the current profile photo of a user, group, supergroup or channel
     * ({@code inputPeerPhotoFileLocation}, which needs no file reference).
     *
     * @param chat whose photo
     * @param big the 640x640 photo, else the 160x160 one
     * @param target where to write
     * @return what was written; fails with {@link FileOriginException} if it has no photo
     */
    public CompletableFuture<DownloadResult> downloadProfilePhoto(ChatRef chat, boolean big, DownloadTarget target) {
        Objects.requireNonNull(target, "target");
        return profiles.current(Objects.requireNonNull(chat, "chat"), big)
                .thenCompose(file -> transfers.download(file, target, DownloadOptions.defaults()).result());
    }

    /**
     * @param userId a user
     * @return their profile photos, newest first (up to 100), each downloadable with
     *     {@link #download(PhotoMedia, PhotoSizeView, DownloadTarget, DownloadOptions)} and refreshed from the
     *     profile when its reference expires
     */
    public CompletableFuture<List<PhotoMedia>> profilePhotos(long userId) {
        return profiles.list(userId);
    }

    private RemoteFile document(DocumentMedia doc, String thumbSize) {
        var raw = doc.raw();
        return new RemoteFile(raw.dcId(), new InputDocumentFileLocation(raw.id(), raw.accessHash(), raw.fileReference(), thumbSize),
                raw.size(), refresher(doc.origin(), raw.id()));
    }

    private OriginRefresher refresher(FileOrigin origin, long fileId) {
        return new OriginRefresher(client.raw(), peers, origin, fileId);
    }

    private static void requireDownloadable(PhotoSizeView size) {
        if (!size.downloadable()) {
            throw new IllegalArgumentException("size " + size.type() + " is " + size.kind() + ", carried in the message: read it with jpeg()");
        }
    }

    private CompletableFuture<InputPeer> inputPeer(ChatRef chat) {
        Objects.requireNonNull(chat, "chat");
        return peers.resolve(chat.peerKind(), chat.id());
    }

    /** Cancels the running transfers. */
    @Override
    public void close() {
        transfers.close();
    }
}
