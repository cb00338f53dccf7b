package dev.mtproto.testkit.world.files;

import dev.mtproto.testkit.world.calls.Caller;
import dev.mtproto.testkit.world.calls.WorldErrors;
import dev.mtproto.testkit.world.calls.WorldHandlers;
import dev.mtproto.tl.api.upload.CdnFile;
import dev.mtproto.tl.api.upload.CdnFileReuploadNeeded;
import dev.mtproto.tl.api.upload.FileCdnRedirect;
import dev.mtproto.tl.api.upload.GetCdnFile;
import dev.mtproto.tl.api.upload.GetCdnFileHashes;
import dev.mtproto.tl.api.upload.ReuploadCdnFile;
import java.util.Arrays;

/**
 * The CDN's side of files (https://core.telegram.org/cdn):
 * <ul>
 *   <li>{@code upload.getFile} with {@code cdn_supported} for a file the CDN serves answers
 *       {@code upload.fileCdnRedirect} (the CDN DC, a file token, a key and IV, the hashes of the first 1 MiB);</li>
 *   <li>{@code upload.getCdnFile} on the CDN DC: {@code upload.cdnFileReuploadNeeded} until the master DC got
 *       {@code upload.reuploadCdnFile} for the token (unless a test turns that off), then the bytes, encrypted
 *       ({@link CdnCipher}), with the offset and limit rules of {@code upload.getFile};</li>
 *   <li>{@code upload.reuploadCdnFile} and {@code upload.getCdnFileHashes} on the file's DC: the SHA-256 hashes of
 *       128 KiB parts.</li>
 * </ul>
 * A token the world never gave is {@code FILE_TOKEN_INVALID}; a wrong request token {@code REQUEST_TOKEN_INVALID}.
 */
final class CdnMethods {
    private final CdnFiles cdn;

    CdnMethods(CdnFiles cdn) {
        this.cdn = cdn;
    }

    void register(WorldHandlers handlers) {
        handlers.on(GetCdnFile.class, this::getCdnFile);
        handlers.on(ReuploadCdnFile.class, this::reuploadCdnFile);
        handlers.on(GetCdnFileHashes.class, this::getCdnFileHashes);
    }

    /** @return the redirect {@code upload.getFile} answers for a file the CDN serves */
    FileCdnRedirect redirect(Located file) {
        CdnFiles.Redirect r = cdn.redirect(file);
        return new FileCdnRedirect(cdn.cdnDcId(), r.token, r.key, r.iv, CdnFiles.hashes(file.content(), 0));
    }

    private Object getCdnFile(GetCdnFile m, Caller c) {
        String method = m.tlName();
        CdnFiles.Redirect r = cdn.byToken(m.fileToken()).orElseThrow(() -> WorldErrors.of(400, "FILE_TOKEN_INVALID", method));
        if (!r.uploaded && cdn.reuploadRequired()) {
            return new CdnFileReuploadNeeded(r.requestToken);
        }
        DownloadLimits.check(m.offset(), m.limit(), false, method);
        byte[] bytes = r.file.content().read(m.offset(), m.limit());
        cdn.spoil(r, m.offset(), bytes);
        return new CdnFile(CdnCipher.apply(r.key, r.iv, m.offset(), bytes));
    }

    private Object reuploadCdnFile(ReuploadCdnFile m, Caller c) {
        String method = m.tlName();
        CdnFiles.Redirect r = masterRedirect(m.fileToken(), c, method);
        if (!Arrays.equals(r.requestToken, m.requestToken())) {
            throw WorldErrors.of(400, "REQUEST_TOKEN_INVALID", method);
        }
        r.uploaded = true;
        return CdnFiles.hashes(r.file.content(), 0);
    }

    private Object getCdnFileHashes(GetCdnFileHashes m, Caller c) {
        String method = m.tlName();
        CdnFiles.Redirect r = masterRedirect(m.fileToken(), c, method);
        if (m.offset() < 0) {
            throw WorldErrors.of(400, "OFFSET_INVALID", method);
        }
        return CdnFiles.hashes(r.file.content(), m.offset());
    }

    /** @return the token's redirect, asked on the DC that holds the file */
    private CdnFiles.Redirect masterRedirect(byte[] token, Caller c, String method) {
        c.account();
        return cdn.byToken(token).filter(r -> r.file.dcId() == c.dcId())
                .orElseThrow(() -> WorldErrors.of(400, "FILE_TOKEN_INVALID", method));
    }
}
