package dev.mtproto.files;

import java.nio.file.Path;

/** A file to write, from the start or continuing it. */
record PathTarget(Path path, boolean resume) implements DownloadTarget {
}
