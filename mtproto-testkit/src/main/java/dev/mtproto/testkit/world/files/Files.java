package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.testkit.world.messages.InputPeers;
import dev.mtproto.testkit.world.messages.MessageSender;
import dev.mtproto.testkit.world.messages.ScheduledMessages;
import java.security.SecureRandom;
import java.time.Clock;

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
     * @param handlers where the functions go
     */
    public Files(Clock clock, SecureRandom random, InputPeers peers, MessageSender sender, ScheduledMessages scheduled,
            WorldHandlers handlers) {
        UploadParts uploads = new UploadParts(clock);
        FileStore store = new FileStore(random);
        FileLocator locator = new FileLocator(store);
        MediaFactory media = new MediaFactory(uploads, store);
        new UploadMethods(uploads).register(handlers);
        new DownloadMethods(locator, store).register(handlers);
        new MediaMethods(peers, sender, scheduled, media, random).register(handlers);
        this.controls = new FileControls(uploads, store);
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
