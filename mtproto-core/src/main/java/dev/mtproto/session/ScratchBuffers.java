package dev.mtproto.session;

import dev.mtproto.tl.TlWriter;

/**
 * Working buffers shared by the sessions that run on one thread, so that an idle session keeps none: the
 * writer a call is serialized into, the writer a packet's plaintext is assembled in, and the array a
 * frame of up to {@link #SHARED_DECRYPT_BYTES} is decrypted into. Each is used only within one call of a
 * session (nothing handed to a listener points into them: {@link #isShared} tells), so sharing them per
 * thread is safe. Kept buffers are bounded: one grown past {@link #KEPT_BYTES} for a large message is
 * dropped after use. A larger frame (a file part) is decrypted into an array of its own, which the answer
 * in it then keeps instead of a copy.
 */
final class ScratchBuffers {
    /**
     * The largest buffer a thread keeps between uses: room for a file part's message (a 1 MiB download part
     * or a 512 KiB upload part with its headers), so that a transfer does not allocate (and grow) one per part.
     * Frames are decrypted and packets assembled on the client's few I/O threads, and file parts serialized on
     * its transfer threads, so what is kept stays at a few MiB per client, whatever the files' sizes.
     */
    static final int KEPT_BYTES = (1 << 20) + 64 * 1024;
    /** The largest frame decrypted into the thread's shared array; a larger one gets an array of its own. */
    static final int SHARED_DECRYPT_BYTES = 64 * 1024;

    private static final ThreadLocal<ScratchBuffers> OF_THREAD = ThreadLocal.withInitial(ScratchBuffers::new);

    private TlWriter body;
    private TlWriter plain;
    private byte[] decrypted;

    private ScratchBuffers() {
    }

    /** @return this thread's buffers */
    static ScratchBuffers ofThread() {
        return OF_THREAD.get();
    }

    /** @return an empty writer for serializing one call's body */
    TlWriter body() {
        body = emptied(body);
        return body;
    }

    /** @return an empty writer for one packet's plaintext */
    TlWriter plain() {
        plain = emptied(plain);
        return plain;
    }

    /**
     * @param length how many bytes are needed
     * @return an array of at least that length, its content undefined: the shared one for up to
     *     {@link #SHARED_DECRYPT_BYTES}, else a new array of exactly that length, which nothing else uses
     */
    byte[] decrypted(int length) {
        if (length > SHARED_DECRYPT_BYTES) {
            return new byte[length];
        }
        if (decrypted == null || decrypted.length < length) {
            decrypted = new byte[Math.max(length, decrypted == null ? 4096 : Math.min(SHARED_DECRYPT_BYTES, 2 * decrypted.length))];
        }
        return decrypted;
    }

    /**
     * @param b an array
     * @return whether it is one of this thread's shared buffers, which the next frame overwrites: whatever
     *     outlives the frame must copy out of it
     */
    boolean isShared(byte[] b) {
        return b == decrypted || (body != null && b == body.buffer()) || (plain != null && b == plain.buffer());
    }

    private static TlWriter emptied(TlWriter w) {
        if (w == null || w.buffer().length > KEPT_BYTES) {
            return new TlWriter(4096);
        }
        w.reset();
        return w;
    }
}
