package dev.mtproto.files;

/** Memory. */
record BytesTarget() implements DownloadTarget {
}
