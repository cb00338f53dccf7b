package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.tl.api.DocumentAttribute;
import dev.mtproto.tl.api.DocumentAttributeAudio;
import dev.mtproto.tl.api.DocumentAttributeVideo;
import dev.mtproto.tl.api.InputDocument;
import dev.mtproto.tl.api.InputFileBig;
import dev.mtproto.tl.api.InputFileType;
import dev.mtproto.tl.api.InputMedia;
import dev.mtproto.tl.api.InputMediaDocument;
import dev.mtproto.tl.api.InputMediaPhoto;
import dev.mtproto.tl.api.InputMediaUploadedDocument;
import dev.mtproto.tl.api.InputMediaUploadedPhoto;
import dev.mtproto.tl.api.InputPhoto;
import dev.mtproto.tl.api.MessageMedia;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.MessageMediaPhoto;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Turns the media a client sends ({@code InputMedia}) into what a message carries ({@code MessageMedia}),
 * storing uploaded files on the DC the call came to (https://core.telegram.org/api/files):
 * <ul>
 *   <li>{@code inputMediaUploadedDocument}: a {@code document} with the uploaded bytes, the MIME type and
 *       attributes as sent, a thumbnail from {@code thumb} if it is an image; {@code messageMediaDocument}
 *       with {@code voice}, {@code round} or {@code video} as the attributes say (unless {@code force_file});</li>
 *   <li>{@code inputMediaUploadedPhoto}: a {@code photo} with the sizes {@link PhotoScaler} makes;</li>
 *   <li>{@code inputMediaDocument} / {@code inputMediaPhoto}: a stored file again, its access hash and
 *       file reference checked ({@code MEDIA_INVALID}, {@code FILE_REFERENCE_*}).</li>
 * </ul>
 * Other media are not modelled: {@code MEDIA_INVALID}.
 */
final class MediaFactory {
    private final UploadParts uploads;
    private final FileStore store;

    MediaFactory(UploadParts uploads, FileStore store) {
        this.uploads = uploads;
        this.store = store;
    }

    /**
     * @param c the call
     * @param media what the client sent
     * @param method the function, for errors
     * @return what the message carries, the files stored
     * @throws dev.mtproto.rpc.RpcException an upload's error, {@code MEDIA_INVALID}, {@code MEDIA_EMPTY},
     *     {@code FILE_REFERENCE_*}, {@code IMAGE_PROCESS_FAILED}, {@code PHOTO_INVALID_DIMENSIONS}
     */
    MessageMedia media(Caller c, InputMedia media, String method) {
        int date = (int) c.nowSeconds();
        if (media instanceof InputMediaUploadedDocument d) {
            FileContent content = uploads.content(c.dcId(), c.account().id(), d.file(), method);
            List<PhotoVariant> thumbs = d.thumb() == null ? List.of() : thumb(c, d.thumb(), method);
            StoredDocument doc = store.addDocument(c.dcId(), date, d.mimeType(), d.attributes(), content, thumbs);
            return documentMedia(store, doc, d.attributes(), d.forceFile(), d.spoiler());
        }
        if (media instanceof InputMediaUploadedPhoto p) {
            return new MessageMediaPhoto(p.spoiler(), false, store.photoTl(uploadPhoto(c, p.file(), PhotoScaler::messagePhoto, method)),
                    p.ttlSeconds(), null);
        }
        if (media instanceof InputMediaDocument d) {
            StoredDocument doc = existingDocument(d, method);
            return documentMedia(store, doc, doc.attributes(), false, d.spoiler());
        }
        if (media instanceof InputMediaPhoto p) {
            if (!(p.id() instanceof InputPhoto id)) {
                throw WorldErrors.of(400, "MEDIA_EMPTY", method);
            }
            StoredPhoto photo = store.photo(id.id()).filter(x -> x.accessHash() == id.accessHash())
                    .orElseThrow(() -> WorldErrors.of(400, "MEDIA_INVALID", method));
            store.references.check(photo.id(), id.fileReference(), method);
            return new MessageMediaPhoto(p.spoiler(), false, store.photoTl(photo), p.ttlSeconds(), null);
        }
        throw WorldErrors.of(400, "MEDIA_INVALID", method);
    }

    /**
     * Stores an uploaded image as a photo.
     *
     * @throws dev.mtproto.rpc.RpcException {@code PHOTO_SAVE_FILE_INVALID} for a big file (photos are at most
     *     10 MiB), an upload's error, or an image error
     */
    StoredPhoto uploadPhoto(Caller c, InputFileType file, BiFunction<byte[], String, PhotoScaler.ScaledPhoto> scaler, String method) {
        if (file instanceof InputFileBig) {
            throw WorldErrors.of(400, "PHOTO_SAVE_FILE_INVALID", method);
        }
        FileContent content = uploads.content(c.dcId(), c.account().id(), file, method);
        PhotoScaler.ScaledPhoto scaled = scaler.apply(content.bytes(), method);
        return store.addPhoto(c.dcId(), (int) c.nowSeconds(), scaled.sizes(), scaled.stripped());
    }

    private List<PhotoVariant> thumb(Caller c, InputFileType thumb, String method) {
        FileContent content = uploads.content(c.dcId(), c.account().id(), thumb, method);
        try {
            return PhotoScaler.sizes(content.bytes(), PhotoScaler.DOCUMENT_THUMB, method);
        } catch (RuntimeException notAnImage) {
            return List.of(); // a thumbnail that is no image is left out
        }
    }

    private StoredDocument existingDocument(InputMediaDocument d, String method) {
        if (!(d.id() instanceof InputDocument id)) {
            throw WorldErrors.of(400, "MEDIA_EMPTY", method);
        }
        StoredDocument doc = store.document(id.id()).filter(x -> x.accessHash() == id.accessHash())
                .orElseThrow(() -> WorldErrors.of(400, "MEDIA_INVALID", method));
        store.references.check(doc.id(), id.fileReference(), method);
        return doc;
    }

    /**
     * @return the {@code messageMediaDocument} of a stored document, with {@code voice}, {@code round} or
     *     {@code video} as its attributes say (unless {@code forceFile})
     */
    static MessageMediaDocument documentMedia(FileStore store, StoredDocument doc, List<DocumentAttribute> attributes, boolean forceFile,
            boolean spoiler) {
        boolean voice = false;
        boolean round = false;
        boolean video = false;
        for (DocumentAttribute a : attributes) {
            if (a instanceof DocumentAttributeAudio audio) {
                voice = audio.voice();
            } else if (a instanceof DocumentAttributeVideo v) {
                round = v.roundMessage();
                video = !v.roundMessage();
            }
        }
        return new MessageMediaDocument(false, spoiler, video && !forceFile, round && !forceFile, voice, store.documentTl(doc),
                null, null, null, null);
    }
}
