package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.accounts.UserObjects;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.messages.InputPeers;
import dev.mtproto.testkit.world.messages.MessageSender;
import dev.mtproto.testkit.world.messages.ScheduledMessages;
import dev.mtproto.testkit.world.updates.Mailboxes;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.IntSupplier;

/**
 * The world's files (https://core.telegram.org/api/files), wired together, with the functions they answer
 * registered: uploads ({@code upload.saveFilePart}, {@code upload.saveBigFilePart}), downloads
 * ({@code upload.getFile}), and media in messages ({@code messages.sendMedia}, {@code messages.sendMultiMedia},
 * {@code messages.uploadMedia}).
 */
public final class Files {
    private final FileControls controls;

    /**
     * @param clock the world's clock
     * @param random the world's randomness
     * @param peers reads the peers calls name
     * @param sender sends messages
     * @param scheduled holds scheduled messages
     * @param boxes the message boxes, whose messages get fresh file references
     * @param users how users look: they get their profile photos from here
     * @param cdnDcId the CDN DC's id, 0 while the cluster has none
     * @param handlers where the functions go
     */
    public Files(Clock clock, SecureRandom random, InputPeers peers, MessageSender sender, ScheduledMessages scheduled, Mailboxes boxes,
            UserObjects users, IntSupplier cdnDcId, WorldHandlers handlers) {
        UploadParts uploads = new UploadParts(clock);
        FileStore store = new FileStore(random);
        FileLocator locator = new FileLocator(store);
        MediaFactory media = new MediaFactory(uploads, store);
        ProfilePhotos profilePhotos = new ProfilePhotos(store);
        users.profilePhotos(profilePhotos);
        PhotoMethods photoMethods = new PhotoMethods(peers, users, media, profilePhotos, store);
        locator.peerPhotos(photoMethods::peerPhoto);
        new UploadMethods(uploads).register(handlers);
        CdnFiles cdn = new CdnFiles(random, cdnDcId);
        CdnMethods cdnMethods = new CdnMethods(cdn);
        cdnMethods.register(handlers);
        new DownloadMethods(locator, store, cdn, cdnMethods).register(handlers);
        new MediaMethods(peers, sender, scheduled, media, random).register(handlers);
        photoMethods.register(handlers);
        this.controls = new FileControls(uploads, store, new StoredMessageRefresh(boxes, store), profilePhotos, cdn, clock);
    }

    /** @return what tests control and see of the files */
    public FileControls controls() {
        return controls;
    }

    /** Puts the settings back to their defaults; the files stay. */
    public void reset() {
        controls.reset();
    }
}
