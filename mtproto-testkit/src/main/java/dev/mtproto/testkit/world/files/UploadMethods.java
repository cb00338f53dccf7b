package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.upload.SaveBigFilePart;
import dev.mtproto.tl.api.upload.SaveFilePart;

/**
 * {@code upload.saveFilePart} and {@code upload.saveBigFilePart}
 * (https://core.telegram.org/api/files#uploading-files): parts saved on the DC the call came to, for the
 * signed-in account, checked by {@link UploadParts}.
 */
final class UploadMethods {
    private final UploadParts parts;

    UploadMethods(UploadParts parts) {
        this.parts = parts;
    }

    void register(WorldHandlers handlers) {
        handlers.on(SaveFilePart.class, this::saveFilePart);
        handlers.on(SaveBigFilePart.class, this::saveBigFilePart);
    }

    private Object saveFilePart(SaveFilePart m, Caller c) {
        parts.save(c.dcId(), c.account().id(), m.fileId(), m.filePart(), false, 0, m.bytes(), m.tlName());
        return Boolean.TRUE;
    }

    private Object saveBigFilePart(SaveBigFilePart m, Caller c) {
        parts.save(c.dcId(), c.account().id(), m.fileId(), m.filePart(), true, m.fileTotalParts(), m.bytes(), m.tlName());
        return Boolean.TRUE;
    }
}
