package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.accounts.Account;
import dev.mtproto.tl.api.DocumentAttribute;
import dev.mtproto.tl.api.DocumentAttributeFilename;
import dev.mtproto.tl.api.MessageMediaDocument;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a test controls and sees of the world's files: how long uploaded parts are kept, file references
 * expired, stored documents and photos looked up, documents uploaded as from a user's app. Thread-safe.
 *
 * <pre>{@code
 * world.files().partRetention(Duration.ofMinutes(5)); // parts not used within 5 minutes are forgotten
 * world.files().expireReferences();                  // every file reference handed out so far expires
 * }</pre>
 */
public final class FileControls {
    private final UploadParts uploads;
    private final FileStore store;
    private final StoredMessageRefresh messages;
    private final ProfilePhotos profilePhotos;
    private final CdnFiles cdn;
    private final Clock clock;

    FileControls(UploadParts uploads, FileStore store, StoredMessageRefresh messages, ProfilePhotos profilePhotos, CdnFiles cdn,
            Clock clock) {
        this.cdn = cdn;
        this.uploads = uploads;
        this.store = store;
        this.messages = messages;
        this.profilePhotos = profilePhotos;
        this.clock = clock;
    }

    /**
     * @param retention how long parts are kept after the last part of their file came (default a day:
     *     Telegram's docs give no figure); an upload that goes on after that starts again from nothing
     * @throws IllegalArgumentException if the retention is not positive
     */
    public void partRetention(Duration retention) {
        uploads.retention(retention);
    }

    /**
     * @param bytes how many bytes of parts not used yet the world holds at most (default 1 GiB); past it
     *     the uploads touched longest ago are forgotten, so that benchmarks stay bounded
     * @throws IllegalArgumentException if it holds less than one 512 KiB part
     */
    public void uploadBudget(long bytes) {
        uploads.budget(bytes);
    }

    /** Forgets every part not used yet, as when the retention passes. */
    public void forgetUploads() {
        uploads.clear();
    }

    /** @return how many bytes the parts not used yet hold */
    public long heldUploadBytes() {
        return uploads.heldBytes();
    }

    /**
     * @return how many parts {@code upload.saveFilePart} and {@code upload.saveBigFilePart} saved since the
     *     world started, on every DC (a part sent again counts again; never reset)
     */
    public long savedUploadParts() {
        return uploads.savedParts();
    }

    /**
     * Expires the file reference of every document and photo handed out so far: using one answers
     * {@code 400 FILE_REFERENCE_EXPIRED} until the client fetches the file's origin again, which hands out a
     * fresh reference (https://core.telegram.org/api/file_reference).
     */
    public void expireReferences() {
        store.references.expireAll();
        messages.refreshAll();
    }

    /** @param fileId a document's or photo's id whose reference expires, as {@link #expireReferences()} */
    public void expireReference(long fileId) {
        store.references.expire(fileId);
        messages.refreshAll();
    }

    /**
     * Sets a profile photo as from the account's own app ({@code photos.uploadProfilePhoto}), stored on its
     * home DC.
     *
     * @param account the account
     * @param image the image's bytes (PNG, JPEG, ... as {@code javax.imageio} reads them)
     * @return the photo
     * @throws dev.mtproto.rpc.RpcException {@code IMAGE_PROCESS_FAILED} or {@code PHOTO_INVALID_DIMENSIONS}
     */
    public StoredPhoto setProfilePhoto(Account account, byte[] image) {
        StoredPhoto photo = store.addPhoto(account.homeDc(), (int) (clock.millis() / 1000),
                PhotoScaler.sizes(image, PhotoScaler.PROFILE_PHOTO, "photos.uploadProfilePhoto"));
        profilePhotos.add(account.id(), photo);
        return photo;
    }

    /**
     * Stores a document as the account's own app uploads one for a message (parts on its home DC, then
     * {@code messages.sendMedia} with {@code inputMediaUploadedDocument}): the bytes, the MIME type and a
     * file name attribute.
     *
     * @param account the account that uploads it
     * @param fileName the file's name, as its app sends it
     * @param mimeType its MIME type
     * @param bytes its content (copied)
     * @return what a message carrying it holds ({@code messageMediaDocument})
     * @throws IllegalArgumentException if the name or MIME type is blank, or the file is empty
     */
    public MessageMediaDocument uploadDocument(Account account, String fileName, String mimeType, byte[] bytes) {
        if (fileName.isBlank() || mimeType.isBlank()) {
            throw new IllegalArgumentException("a document needs a file name and a MIME type");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a document cannot be empty: Telegram's apps send no 0-byte file");
        }
        List<DocumentAttribute> attributes = List.of(new DocumentAttributeFilename(fileName));
        StoredDocument doc = store.addDocument(account.homeDc(), (int) (clock.millis() / 1000), mimeType, attributes,
                FileContent.of(bytes.clone()), List.of());
        return MediaFactory.documentMedia(store, doc, attributes, false, false);
    }

    /**
     * @param account an account
     * @return its profile photos, newest (the current one) first
     */
    public List<StoredPhoto> profilePhotos(Account account) {
        return profilePhotos.of(account.id());
    }

    /**
     * @param id a document id
     * @return the stored document
     */
    public Optional<StoredDocument> document(long id) {
        return store.document(id);
    }

    /**
     * @param id a photo id
     * @return the stored photo
     */
    public Optional<StoredPhoto> photo(long id) {
        return store.photo(id);
    }

    /**
     * Serves a document or photo from the CDN DC (https://core.telegram.org/cdn): {@code upload.getFile} with
     * {@code cdn_supported} answers {@code upload.fileCdnRedirect}; clients without it get the bytes directly.
     *
     * @param fileId the document's or photo's id
     * @throws IllegalStateException if the cluster has no CDN DC ({@code TestCluster.builder().cdnDc(true)})
     */
    public void serveFromCdn(long fileId) {
        cdn.mark(fileId);
    }

    /**
     * @param size files bigger than this many bytes are served from the CDN DC, as {@link #serveFromCdn}
     * @throws IllegalStateException if the cluster has no CDN DC
     */
    public void serveFromCdnOver(long size) {
        cdn.markOver(size);
    }

    /**
     * @param required whether the CDN DC answers {@code upload.cdnFileReuploadNeeded} for a file until the
     *     master DC got {@code upload.reuploadCdnFile} for its token (default {@code true}); {@code false}
     *     serves every file at once
     */
    public void cdnRequiresReupload(boolean required) {
        cdn.reuploadRequired(required);
    }

    /**
     * Corrupts what the CDN DC sends of one 128 KiB part of a file (one byte changed before encryption), so
     * that it no longer matches its {@code fileHash}.
     *
     * @param fileId the document's or photo's id
     * @param offset any offset inside the part
     */
    public void corruptCdnPart(long fileId, long offset) {
        cdn.corrupt(fileId, offset);
    }

    /**
     * Puts the settings back to their defaults (the files stay; the CDN serves none of them again until told);
     * {@code TestCluster.reset()} calls it.
     */
    void reset() {
        uploads.resetSettings();
        cdn.reset();
    }
}
