package dev.mtproto.testkit.world;

import dev.mtproto.tl.api.Document;
import dev.mtproto.tl.api.DocumentAttribute;
import dev.mtproto.tl.api.DocumentAttributeFilename;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.InputFile;
import dev.mtproto.tl.api.InputFileBig;
import dev.mtproto.tl.api.InputFileLocationType;
import dev.mtproto.tl.api.InputFileType;
import dev.mtproto.tl.api.InputMedia;
import dev.mtproto.tl.api.InputMediaUploadedDocument;
import dev.mtproto.tl.api.InputPeer;
import dev.mtproto.tl.api.InputPeerSelf;
import dev.mtproto.tl.api.Message;
import dev.mtproto.tl.api.MessageMediaDocument;
import dev.mtproto.tl.api.UpdateNewChannelMessage;
import dev.mtproto.tl.api.UpdateNewMessage;
import dev.mtproto.tl.api.Updates;
import dev.mtproto.tl.api.messages.SendMedia;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.GetFile;
import dev.mtproto.tl.api.upload.SaveBigFilePart;
import dev.mtproto.tl.api.upload.SaveFilePart;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Uploads and downloads as a client does, with the raw functions, one part at a time. */
final class FileTransfer {
    static final int KIB = 1024;
    static final int MIB = 1024 * 1024;
    private static final AtomicLong NEXT_ID = new AtomicLong(System.nanoTime());

    private FileTransfer() {
    }

    /** @return {@code n} bytes of a fixed pseudo-random pattern */
    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static long newFileId() {
        return NEXT_ID.incrementAndGet();
    }

    static byte[] part(byte[] data, int index, int partSize) {
        int from = index * partSize;
        return java.util.Arrays.copyOfRange(data, from, Math.min(data.length, from + partSize));
    }

    static int parts(int size, int partSize) {
        return (size + partSize - 1) / partSize;
    }

    /** Uploads with {@code upload.saveFilePart}, parts in order; @return the {@code inputFile}, with its MD5 */
    static InputFile uploadSmall(WorldClient client, byte[] data, int partSize, String name) {
        long id = newFileId();
        int n = parts(data.length, partSize);
        for (int i = 0; i < n; i++) {
            client.call(new SaveFilePart(id, i, part(data, i, partSize)));
        }
        return new InputFile(id, n, name, md5(data));
    }

    /** Uploads with {@code upload.saveBigFilePart}, parts in order */
    static InputFileBig uploadBig(WorldClient client, byte[] data, int partSize, String name) {
        long id = newFileId();
        int n = parts(data.length, partSize);
        for (int i = 0; i < n; i++) {
            client.call(new SaveBigFilePart(id, i, n, part(data, i, partSize)));
        }
        return new InputFileBig(id, n, name);
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static InputMediaUploadedDocument document(InputFileType file, String mime, String name) {
        return InputMediaUploadedDocument.builder().file(file).mimeType(mime)
                .attributes(List.<DocumentAttribute>of(new DocumentAttributeFilename(name))).build();
    }

    static SendMedia sendMedia(InputPeer peer, InputMedia media, String caption) {
        return SendMedia.builder().peer(peer).media(media).message(caption).randomId(newFileId()).build();
    }

    /** @return the message a {@code messages.sendMedia} (or album) result carries, the first */
    static Message sentMessage(Object result) {
        for (Object u : ((Updates) result).updates()) {
            if (u instanceof UpdateNewMessage m) {
                return (Message) m.message();
            }
            if (u instanceof UpdateNewChannelMessage m) {
                return (Message) m.message();
            }
        }
        throw new AssertionError("no message in " + result);
    }

    /** Sends a document to Saved Messages; @return the document of the message */
    static Document sendDocument(WorldClient client, InputFileType file, String mime) {
        Object result = client.call(sendMedia(InputPeerSelf.INSTANCE, document(file, mime, "file.bin"), ""));
        return (Document) ((MessageMediaDocument) sentMessage(result).media()).document();
    }

    static InputDocumentFileLocation location(Document d) {
        return new InputDocumentFileLocation(d.id(), d.accessHash(), d.fileReference(), "");
    }

    /** Downloads a whole file in parts of {@code limit} bytes, until a short part; on the client's home DC */
    static byte[] download(WorldClient client, InputFileLocationType location, int limit) {
        return download(client, 0, location, limit);
    }

    /** Downloads a whole file in parts of {@code limit} bytes on a DC (0: the home DC) */
    static byte[] download(WorldClient client, int dc, InputFileLocationType location, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long offset = 0; ; offset += limit) {
            GetFile get = new GetFile(false, false, location, offset, limit);
            byte[] part = ((File) (dc == 0 ? client.call(get) : client.call(dc, get))).bytes();
            out.write(part, 0, part.length);
            if (part.length < limit) {
                return out.toByteArray();
            }
        }
    }
}
