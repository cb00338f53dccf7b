package dev.mtproto.telegram.media;

import dev.mtproto.files.FileTransfers;
import dev.mtproto.files.UploadOptions;
import dev.mtproto.files.UploadTask;
import dev.mtproto.files.UploadedFile;
import dev.mtproto.messages.format.FormattedText;
import dev.mtproto.telegram.SentMessage;
import dev.mtproto.telegram.TelegramClient;
import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.InputDocument;
import dev.mtproto.tl.api.InputFileType;
import dev.mtproto.tl.api.InputMedia;
import dev.mtproto.tl.api.InputMediaDocument;
import dev.mtproto.tl.api.InputMediaPhoto;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPhoto;
import dev.mtproto.tl.api.InputReplyToMessage;
import dev.mtproto.tl.api.InputSingleMedia;
import dev.mtproto.tl.api.MessageMedia;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.MessageMediaPhoto;
import dev.mtproto.tl.api.Photo;
import dev.mtproto.tl.api.messages.SendMedia;
import dev.mtproto.tl.api.messages.SendMultiMedia;
import dev.mtproto.tl.api.messages.UploadMedia;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends media: uploads the file through the {@link FileTransfers}, then {@code messages.sendMedia} with the
 * {@code inputMediaUploaded*}; an album uploads every item, turns each into a stored photo or document with
 * {@code messages.uploadMedia} (which {@code messages.sendMultiMedia} requires), then sends them grouped.
 */
final class MediaSender {
    private final TelegramClient client;
    private final FileTransfers transfers;
    private final SecureRandom random = new SecureRandom();

    MediaSender(TelegramClient client, FileTransfers transfers) {
        this.client = client;
        this.transfers = transfers;
    }

    CompletableFuture<SentMessage> send(CompletableFuture<InputPeer> target, MediaMessage message) {
        FormattedText caption;
        Function<InputFileType, InputMedia> media;
        try {
            caption = message.caption().withInputMentions(client::inputUser);
            media = UploadedMedia.of(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        long randomId = random.nextLong();
        SendInProgress<SentMessage> send = new SendInProgress<>();
        return send.completeFrom(upload(message, send).thenCombine(target, (file, peer) -> {
            SendMedia.Builder b = SendMedia.builder().peer(peer).media(media.apply(file.inputFile()))
                    .message(caption.text()).randomId(randomId).silent(message.silent());
            if (!caption.entities().isEmpty()) {
                b.entities(caption.entities());
            }
            message.replyTo().ifPresent(id -> b.replyTo(InputReplyToMessage.builder().replyToMsgId(id).build()));
            message.schedule().ifPresent(when -> b.scheduleDate((int) when.getEpochSecond()));
            message.replyMarkup().ifPresent(b::replyMarkup);
            return b.build();
        }).thenCompose(request -> send.step(() -> client.raw().invoke(request))
                .thenApply(answer -> SentMessage.of(answer, randomId, request.peer()))));
    }

    CompletableFuture<List<SentMessage>> sendAlbum(CompletableFuture<InputPeer> target, Album album) {
        List<FormattedText> captions = new ArrayList<>();
        List<Function<InputFileType, InputMedia>> medias = new ArrayList<>();
        try {
            for (MediaMessage m : album.items()) {
                captions.add(m.caption().withInputMentions(client::inputUser));
                medias.add(UploadedMedia.of(m));
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        SendInProgress<List<SentMessage>> send = new SendInProgress<>();
        List<CompletableFuture<InputMedia>> stored = new ArrayList<>();
        for (int i = 0; i < album.items().size(); i++) {
            Function<InputFileType, InputMedia> media = medias.get(i);
            stored.add(upload(album.items().get(i), send).thenCombine(target, (file, peer) -> new UploadMedia(null, peer, media.apply(file.inputFile())))
                    .thenCompose(request -> send.step(() -> client.raw().invoke(request))).thenApply(MediaSender::reuse));
        }
        return send.completeFrom(CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).thenCompose(x -> target).thenCompose(peer -> {
            List<InputSingleMedia> singles = new ArrayList<>();
            List<Long> randomIds = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                long randomId = random.nextLong();
                randomIds.add(randomId);
                FormattedText caption = captions.get(i);
                singles.add(new InputSingleMedia(stored.get(i).join(), randomId, caption.text(), caption.entities().isEmpty() ? null : caption.entities()));
            }
            SendMultiMedia.Builder b = SendMultiMedia.builder().peer(peer).multiMedia(singles).silent(album.silent());
            album.replyTo().ifPresent(id -> b.replyTo(InputReplyToMessage.builder().replyToMsgId(id).build()));
            album.schedule().ifPresent(when -> b.scheduleDate((int) when.getEpochSecond()));
            return send.step(() -> client.raw().invoke(b.build())).thenApply(answer -> SentAlbum.of(answer, randomIds, peer));
        }));
    }

    /** Starts the message's upload; cancelling the send cancels it. */
    private CompletableFuture<UploadedFile> upload(MediaMessage message, SendInProgress<?> send) {
        try {
            return send.step(() -> {
                UploadTask task = transfers.upload(message.file().upload(), UploadOptions.builder().progress(message.progress()).build());
                send.whenCancelled(task::cancel);
                return task.result();
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * @param media what {@code messages.uploadMedia} answered
     * @return the {@code inputMediaPhoto} / {@code inputMediaDocument} that sends it again
     * @throws IllegalStateException if it is neither a photo nor a document
     */
    static InputMedia reuse(MessageMedia media) {
        if (media instanceof MessageMediaPhoto p && p.photo() instanceof Photo photo) {
            return InputMediaPhoto.builder().spoiler(p.spoiler()).id(new InputPhoto(photo.id(), photo.accessHash(), photo.fileReference())).build();
        }
        if (media instanceof MessageMediaDocument d && d.document() instanceof Document doc) {
            return InputMediaDocument.builder().spoiler(d.spoiler()).id(new InputDocument(doc.id(), doc.accessHash(), doc.fileReference())).build();
        }
        throw new IllegalStateException("messages.uploadMedia answered " + media.tlName() + ", not a photo or document");
    }
}
