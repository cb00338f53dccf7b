package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.GetFile;

/**
 * {@code upload.getFile} (https://core.telegram.org/method/upload.getFile): the offset and limit checked
 * ({@link DownloadLimits}), the location found ({@link FileLocator}); on a DC that does not hold the file,
 * {@code 303 FILE_MIGRATE_X} (https://core.telegram.org/api/datacenter); then the file reference; for a
 * client with {@code cdn_supported} and a file the CDN serves, {@code upload.fileCdnRedirect}
 * ({@link CdnMethods}); else the bytes, fewer at the end of the file and none at or past it, as {@code upload.file} with the
 * {@code storage.FileType} of {@link Located#storageType}.
 */
final class DownloadMethods {
    private final FileLocator locator;
    private final FileStore store;
    private final CdnFiles cdn;
    private final CdnMethods cdnMethods;

    DownloadMethods(FileLocator locator, FileStore store, CdnFiles cdn, CdnMethods cdnMethods) {
        this.locator = locator;
        this.store = store;
        this.cdn = cdn;
        this.cdnMethods = cdnMethods;
    }

    void register(WorldHandlers handlers) {
        handlers.on(GetFile.class, this::getFile);
    }

    private Object getFile(GetFile m, Caller c) {
        String method = m.tlName();
        c.account();
        DownloadLimits.check(m.offset(), m.limit(), m.precise(), method);
        FileLocator.Found found = locator.find(c, m.location(), method);
        Located file = found.located();
        if (file.dcId() != c.dcId()) {
            throw WorldErrors.of(303, "FILE_MIGRATE_" + file.dcId(), method);
        }
        if (found.reference() != null) {
            store.references.check(file.fileId(), found.reference(), method);
        }
        if (m.cdnSupported() && cdn.serves(file)) {
            return cdnMethods.redirect(file);
        }
        byte[] bytes = file.content().read(m.offset(), m.limit());
        return new File(file.storageType(m.offset(), bytes.length), file.mtime(), bytes);
    }
}
