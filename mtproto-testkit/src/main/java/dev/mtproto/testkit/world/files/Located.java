package dev.mtproto.testkit.world.files;

import dev.mtproto.tl.api.storage.FileType;

/**
 * What an {@code InputFileLocation} names, found in the store.
 *
 * @param fileId the document's or photo's id
 * @param dcId the DC that holds the bytes
 * @param content the bytes
 * @param mimeType the document's MIME type; null for a photo size or thumbnail (JPEG)
 * @param mtime the file's date, Unix seconds
 */
record Located(long fileId, int dcId, FileContent content, String mimeType, int mtime) {
    /**
     * @param offset the answer's offset
     * @param length how many bytes it holds
     * @return the {@code storage.FileType} of that answer
     */
    FileType storageType(long offset, int length) {
        return mimeType == null ? StorageTypes.photo() : StorageTypes.ofDocument(mimeType, offset == 0 && length == content.size());
    }
}
