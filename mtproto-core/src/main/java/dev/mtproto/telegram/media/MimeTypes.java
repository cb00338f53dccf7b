package dev.mtproto.telegram.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The MIME type of a file to send: from its name's extension first, then from its first bytes (the magic
 * numbers of common formats), else {@value #DEFAULT}.
 */
final class MimeTypes {
    /** What a file of unknown kind is sent as. */
    static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("bmp", "image/bmp"),
            Map.entry("heic", "image/heic"), Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("mov", "video/quicktime"),
            Map.entry("webm", "video/webm"), Map.entry("mkv", "video/x-matroska"), Map.entry("avi", "video/x-msvideo"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("ogg", "audio/ogg"),
            Map.entry("oga", "audio/ogg"), Map.entry("opus", "audio/ogg"), Map.entry("flac", "audio/flac"),
            Map.entry("wav", "audio/wav"), Map.entry("aac", "audio/aac"),
            Map.entry("txt", "text/plain"), Map.entry("log", "text/plain"), Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"), Map.entry("tar", "application/x-tar"),
            Map.entry("7z", "application/x-7z-compressed"), Map.entry("rar", "application/vnd.rar"),
            Map.entry("apk", "application/vnd.android.package-archive"), Map.entry("tgs", "application/x-tgsticker"),
            Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

    private MimeTypes() {
    }

    /**
     * @param fileName a file name
     * @param head the file's first bytes (as many as are at hand; none is fine)
     * @return its MIME type: by the name's extension, else by the bytes, else {@value #DEFAULT}
     */
    static String of(String fileName, byte[] head) {
        return fromName(fileName).or(() -> sniff(head)).orElse(DEFAULT);
    }

    /**
     * @param fileName a file name
     * @return the type its extension names (case ignored), if it is a known one
     */
    static Optional<String> fromName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * @param head a file's first bytes
     * @return the type its magic number names, if it is a known one
     */
    static Optional<String> sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        } else if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        } else if (startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a")) {
            return Optional.of("image/gif");
        } else if (startsWith(head, 0, "RIFF")) {
            return riff(head);
        } else if (startsWith(head, 0, "%PDF-")) {
            return Optional.of("application/pdf");
        } else if (startsWith(head, 0, 'P', 'K', 3, 4)) {
            return Optional.of("application/zip");
        } else if (startsWith(head, 0, 0x1F, 0x8B)) {
            return Optional.of("application/gzip");
        } else if (startsWith(head, 0, "7z") && startsWith(head, 2, 0xBC, 0xAF, 0x27, 0x1C)) {
            return Optional.of("application/x-7z-compressed");
        } else if (startsWith(head, 0, "OggS")) {
            return Optional.of("audio/ogg");
        } else if (startsWith(head, 0, "fLaC")) {
            return Optional.of("audio/flac");
        } else if (startsWith(head, 0, "ID3") || startsWith(head, 0, 0xFF, 0xFB) || startsWith(head, 0, 0xFF, 0xF3)) {
            return Optional.of("audio/mpeg");
        } else if (startsWith(head, 4, "ftyp")) {
            return Optional.of(startsWith(head, 8, "qt  ") ? "video/quicktime" : startsWith(head, 8, "M4A ") ? "audio/mp4" : "video/mp4");
        } else if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(contains(head, "webm") ? "video/webm" : "video/x-matroska");
        } else if (startsWith(head, 0, "BM") && head.length >= 14) {
            return Optional.of("image/bmp");
        }
        return Optional.empty();
    }

    private static Optional<String> riff(byte[] head) {
        if (startsWith(head, 8, "WEBP")) {
            return Optional.of("image/webp");
        } else if (startsWith(head, 8, "WAVE")) {
            return Optional.of("audio/wav");
        } else if (startsWith(head, 8, "AVI ")) {
            return Optional.of("video/x-msvideo");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int at, String ascii) {
        byte[] magic = ascii.getBytes(StandardCharsets.US_ASCII);
        if (head.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[at + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, int at, int... magic) {
        if (head.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[at + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] head, String ascii) {
        return new String(head, StandardCharsets.ISO_8859_1).contains(ascii);
    }
}
