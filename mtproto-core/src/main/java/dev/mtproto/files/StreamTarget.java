package dev.mtproto.files;

import java.io.OutputStream;

/** A stream to write in order. */
record StreamTarget(OutputStream out) implements DownloadTarget {
}
