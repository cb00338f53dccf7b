package dev.mtproto.testkit.client.files;

import dev.mtproto.rpc.RpcException;
import dev.mtproto.testkit.TestCall;
import dev.mtproto.testkit.TestCluster;
import dev.mtproto.tl.api.InputDocumentFileLocation;
import dev.mtproto.tl.api.upload.File;
import dev.mtproto.tl.api.upload.GetFile;
import dev.mtproto.tl.api.upload.SaveBigFilePart;
import dev.mtproto.tl.api.upload.SaveFilePart;
import dev.mtproto.tl.api.storage.FilePartial;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file store scripted on the test cluster for the engine's end-to-end tests, with the rules and answers of
 * https://core.telegram.org/api/files: parts kept per file id (an empty part is {@code FILE_PART_EMPTY}, a part
 * over 512 KiB {@code FILE_PART_TOO_BIG}, a bad part number {@code FILE_PART_INVALID}), documents served by
 * {@code upload.getFile} from the DC that stores them ({@code FILE_MIGRATE_X} elsewhere) with the offset and
 * limit rules checked ({@code LIMIT_INVALID}, {@code OFFSET_INVALID}) and an expiring file reference.
 */
final class ScriptedFiles {
    /** An uploaded part and where it came from. */
    record Part(byte[] bytes, int dc, long sessionId, int totalParts) {
    }

    /** A document to download. */
    record Document(int dc, byte[] content, AtomicLong reference) {
    }

    final Map<Long, Map<Integer, Part>> parts = new ConcurrentHashMap<>();
    final Map<Long, Document> documents = new ConcurrentHashMap<>();
    final AtomicInteger partCalls = new AtomicInteger();
    final AtomicInteger getFileCalls = new AtomicInteger();
    final Set<Long> downloadSessions = ConcurrentHashMap.newKeySet();
    final Set<Integer> downloadDcs = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(1000);

    ScriptedFiles install(TestCluster cluster) {
        cluster.handlers().on(SaveFilePart.class, (m, call) -> save(m.fileId(), m.filePart(), -1, m.bytes(), call));
        cluster.handlers().on(SaveBigFilePart.class, (m, call) -> save(m.fileId(), m.filePart(), m.fileTotalParts(), m.bytes(), call));
        cluster.handlers().on(GetFile.class, this::getFile);
        return this;
    }

    private Boolean save(long fileId, int part, int total, byte[] bytes, TestCall call) {
        partCalls.incrementAndGet();
        if (bytes.length == 0) {
            throw RpcException.of(400, "FILE_PART_EMPTY", "upload.saveFilePart");
        }
        if (bytes.length > 512 * 1024) {
            throw RpcException.of(400, "FILE_PART_TOO_BIG", "upload.saveFilePart");
        }
        if (part < 0 || part >= 8000 || (total >= 0 && part >= total)) {
            throw RpcException.of(400, "FILE_PART_INVALID", "upload.saveFilePart");
        }
        parts.computeIfAbsent(fileId, k -> new ConcurrentHashMap<>()).put(part, new Part(bytes, call.dcId(), call.sessionId(), total));
        return Boolean.TRUE;
    }

    /** @return the parts of a file, joined in order; fails if one is missing */
    byte[] assemble(long fileId) {
        Map<Integer, Part> file = parts.get(fileId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < file.size(); i++) {
            Part p = file.get(i);
            if (p == null) {
                throw new AssertionError("part " + i + " of " + fileId + " is missing");
            }
            out.write(p.bytes(), 0, p.bytes().length);
        }
        return out.toByteArray();
    }

    /**
     * @param dc the DC that stores it
     * @param content its bytes
     * @return its location, with the current reference
     */
    InputDocumentFileLocation put(int dc, byte[] content) {
        long id = ids.incrementAndGet();
        documents.put(id, new Document(dc, content, new AtomicLong(1)));
        return location(id);
    }

    /** @return the document's location with its current reference */
    InputDocumentFileLocation location(long id) {
        return new InputDocumentFileLocation(id, id * 31, reference(documents.get(id).reference().get()), "");
    }

    /** Makes the reference of a document expire: the one in earlier locations is refused from now on. */
    void expireReference(long id) {
        documents.get(id).reference().incrementAndGet();
    }

    private static byte[] reference(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }

    private File getFile(GetFile m, TestCall call) {
        getFileCalls.incrementAndGet();
        if (!(m.location() instanceof InputDocumentFileLocation loc) || !documents.containsKey(loc.id())) {
            throw RpcException.of(400, "LOCATION_INVALID", "upload.getFile");
        }
        Document doc = documents.get(loc.id());
        if (doc.dc() != call.dcId()) {
            throw RpcException.of(303, "FILE_MIGRATE_" + doc.dc(), "upload.getFile");
        }
        if (!Arrays.equals(loc.fileReference(), reference(doc.reference().get()))) {
            throw RpcException.of(400, "FILE_REFERENCE_EXPIRED", "upload.getFile");
        }
        int limit = m.limit();
        if (limit <= 0 || limit % 4096 != 0 || (1 << 20) % limit != 0) {
            throw RpcException.of(400, "LIMIT_INVALID", "upload.getFile");
        }
        if (m.offset() < 0 || m.offset() % limit != 0) {
            throw RpcException.of(400, "OFFSET_INVALID", "upload.getFile");
        }
        downloadSessions.add(call.sessionId());
        downloadDcs.add(call.dcId());
        int from = (int) Math.min(m.offset(), doc.content().length);
        int to = (int) Math.min((long) from + limit, doc.content().length);
        return new File(FilePartial.INSTANCE, 0, Arrays.copyOfRange(doc.content(), from, to));
    }
}
