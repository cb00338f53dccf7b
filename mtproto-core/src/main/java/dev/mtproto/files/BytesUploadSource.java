package dev.mtproto.files;

import java.util.Objects;

/** Bytes in memory to upload. */
final class BytesUploadSource implements UploadSource {
    private final byte[] bytes;
    private final String fileName;

    BytesUploadSource(byte[] bytes, String fileName) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "bytes " + fileName + " (" + bytes.length + " bytes)";
    }
}
