/**
 * Moving files to and from Telegram's DCs (https://core.telegram.org/api/files, https://core.telegram.org/cdn):
 * {@link dev.mtproto.files.FileTransfers} uploads a {@link dev.mtproto.files.UploadSource} in parts and
 * downloads a {@link dev.mtproto.files.RemoteFile} to a {@link dev.mtproto.files.DownloadTarget}, several
 * parts at once over dedicated connections, following {@code FILE_MIGRATE}, CDN redirections and expired
 * file references, with progress, resume and cancellation.
 */
package dev.mtproto.files;
