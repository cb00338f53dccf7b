package dev.mtproto.client;

/**
 * What a connection to a DC is for. A client holds connections per DC, role and lane ({@link ConnectionId}); each has its own
 * MTProto session, all connections to one DC share its authorization key (except {@link #CDN}).
 */
public enum DcRole {
    /** API calls and updates. */
    MAIN,
    /** File downloads ({@code upload.getFile}), to the DC's media-only address when it has one. */
    DOWNLOAD,
    /** File uploads ({@code upload.saveFilePart}). */
    UPLOAD,
    /** A CDN DC: its own keys, no authorization. */
    CDN
}
