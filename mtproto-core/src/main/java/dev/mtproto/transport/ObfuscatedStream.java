package dev.mtproto.transport;

import dev.mtproto.crypto.AesCtr;
import java.util.Arrays;
import java.util.Objects;

/**
 * The obfuscated2 layer: two AES-256-CTR streams, one per direction, over whatever framing runs inside.
 * Each direction uses one {@link AesCtr} for the whole connection, applied in place without allocating.
 *
 * <p>Client: the preamble is the 64-byte header {@code init[0:56] + encrypt(init)[56:64]}; the
 * outbound stream continues at byte 64, the inbound stream starts at 0. Server: no preamble; the
 * inbound stream has consumed the client's 64 header bytes, the outbound stream starts at 0.
 */
public final class ObfuscatedStream implements StreamLayer {

    private final AesCtr encrypt;
    private final AesCtr decrypt;
    private final byte[] preamble;
    private final Obfuscated2Header header;

    private ObfuscatedStream(AesCtr encrypt, AesCtr decrypt, byte[] preamble, Obfuscated2Header header) {
        this.encrypt = encrypt;
        this.decrypt = decrypt;
        this.preamble = preamble;
        this.header = header;
    }

    /**
     * Starts the client end of a connection from a generated header.
     *
     * @param header the plain init header
     * @param secret the MTProxy secret, or null for a direct connection
     * @return the layer; its {@link #preamble()} is the header to send first
     * @throws NullPointerException if {@code header} is null
     */
    public static ObfuscatedStream client(Obfuscated2Header header, MtproxySecret secret) {
        Objects.requireNonNull(header, "header");
        byte[] init = header.bytes();
        Obfuscated2Keys keys = Obfuscated2Keys.derive(init, 0, secret);
        AesCtr encrypt = new AesCtr(keys.encryptKey(), keys.encryptIv());
        AesCtr decrypt = new AesCtr(keys.decryptKey(), keys.decryptIv());
        byte[] encrypted = init.clone();
        encrypt.apply(encrypted, 0, Obfuscated2Header.LENGTH);
        System.arraycopy(encrypted, 56, init, 56, 8);
        return new ObfuscatedStream(encrypt, decrypt, init, header);
    }

    /**
     * Starts the server end of a connection from the 64 header bytes the client sent. Does not check
     * the protocol tag: call {@code header().kind()} (which throws for an unknown tag) or
     * {@link TransportKind#fromObfuscationTag}.
     *
     * @param received the array holding the received header (not modified)
     * @param off the index of its first byte
     * @param secret the MTProxy secret the server expects, or null for a direct connection
     * @return the layer, with the recovered plain header in {@link #header()}
     * @throws IndexOutOfBoundsException if 64 bytes do not fit at {@code off}
     */
    public static ObfuscatedStream server(byte[] received, int off, MtproxySecret secret) {
        Objects.checkFromIndexSize(off, Obfuscated2Header.LENGTH, received.length);
        Obfuscated2Keys keys = Obfuscated2Keys.derive(received, off, secret).forServer();
        AesCtr encrypt = new AesCtr(keys.encryptKey(), keys.encryptIv());
        AesCtr decrypt = new AesCtr(keys.decryptKey(), keys.decryptIv());
        byte[] init = Arrays.copyOfRange(received, off, off + Obfuscated2Header.LENGTH);
        byte[] decrypted = init.clone();
        decrypt.apply(decrypted, 0, Obfuscated2Header.LENGTH);
        System.arraycopy(decrypted, 56, init, 56, 8);
        return new ObfuscatedStream(encrypt, decrypt, new byte[0], Obfuscated2Header.of(init));
    }

    /**
     * Returns the plain init header: the generated one on the client, the recovered one on the server.
     *
     * @return the header
     */
    public Obfuscated2Header header() {
        return header;
    }

    @Override
    public byte[] preamble() {
        return preamble.clone();
    }

    @Override
    public void outbound(byte[] b, int off, int len, ByteSink next) {
        encrypt.apply(b, off, len);
        next.write(b, off, len);
    }

    @Override
    public void inbound(byte[] b, int off, int len, ByteSink next) {
        decrypt.apply(b, off, len);
        next.write(b, off, len);
    }

    @Override
    public String toString() {
        return "ObfuscatedStream[" + header + "]";
    }
}
