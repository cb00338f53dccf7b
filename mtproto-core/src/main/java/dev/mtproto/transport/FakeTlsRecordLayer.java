package dev.mtproto.transport;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The record layer of FakeTLS after the handshake, as a {@link StreamLayer}: outbound bytes leave in
 * TLS application-data records ({@code 17 03 03 LL LL}) of at most {@value #MAX_RECORD_PAYLOAD} bytes;
 * inbound records are checked and their payloads passed on as one byte stream, so records may arrive
 * split at any byte and a frame of the inner stream may span several records. On the client the layer's
 * preamble is the change_cipher_spec record {@code 14 03 03 00 01 01}; on the server that record is
 * expected (once, first) from the client instead.
 *
 * <p>The handshake before it is {@link FakeTlsClientHandshake} / {@link FakeTlsServerHandshake}.
 * Threading as for every layer: one thread per direction.
 */
public final class FakeTlsRecordLayer implements StreamLayer {
    /** The largest payload put in one outbound record: 16 KiB, TLS's plaintext limit. */
    public static final int MAX_RECORD_PAYLOAD = 16_384;
    static final byte[] CHANGE_CIPHER_SPEC = {0x14, 0x03, 0x03, 0x00, 0x01, 0x01};
    private static final int HEADER = 5;
    private static final byte APPLICATION_DATA = 0x17;

    private final boolean client;
    private final byte[] outHeader = {APPLICATION_DATA, 0x03, 0x03, 0, 0};
    private final byte[] inHeader = new byte[HEADER];
    private int inHeaderFilled;
    private int payloadLeft;
    private boolean changeCipherSpecAllowed;
    private boolean discardPayload;
    private TransportException failure;

    private FakeTlsRecordLayer(boolean client) {
        this.client = client;
        this.changeCipherSpecAllowed = !client;
    }

    /**
     * Returns the client's layer: change_cipher_spec first, then records.
     *
     * @return a new layer for one connection
     */
    public static FakeTlsRecordLayer client() {
        return new FakeTlsRecordLayer(true);
    }

    /**
     * Returns the MTProxy's layer: it accepts the client's change_cipher_spec, then records.
     *
     * @return a new layer for one connection
     */
    public static FakeTlsRecordLayer server() {
        return new FakeTlsRecordLayer(false);
    }

    @Override
    public byte[] preamble() {
        return client ? CHANGE_CIPHER_SPEC.clone() : new byte[0];
    }

    @Override
    public void outbound(byte[] b, int off, int len, ByteSink next) {
        Objects.checkFromIndexSize(off, len, b.length);
        int at = off;
        int end = off + len;
        while (at < end) {
            int n = Math.min(MAX_RECORD_PAYLOAD, end - at);
            outHeader[3] = (byte) (n >>> 8);
            outHeader[4] = (byte) n;
            next.write(outHeader, 0, HEADER);
            next.write(b, at, n);
            at += n;
        }
    }

    /**
     * @throws FakeTlsException ({@code MALFORMED}) for a record that is not application data with version
     *     {@code 03 03} and a length of 1 to 2^14 + 256 (a change_cipher_spec is accepted once, first, on the
     *     server), and on every call after such a failure
     */
    @Override
    public void inbound(byte[] b, int off, int len, ByteSink next) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        int at = off;
        int end = off + len;
        while (at < end) {
            if (payloadLeft > 0) {
                int n = Math.min(payloadLeft, end - at);
                if (!discardPayload) {
                    next.write(b, at, n);
                }
                payloadLeft -= n;
                at += n;
                continue;
            }
            int n = Math.min(HEADER - inHeaderFilled, end - at);
            System.arraycopy(b, at, inHeader, inHeaderFilled, n);
            inHeaderFilled += n;
            at += n;
            if (inHeaderFilled == HEADER) {
                inHeaderFilled = 0;
                payloadLeft = headerLength();
            }
        }
    }

    private int headerLength() {
        int length = ((inHeader[3] & 0xff) << 8) | (inHeader[4] & 0xff);
        boolean version = inHeader[1] == 3 && inHeader[2] == 3;
        if (changeCipherSpecAllowed && inHeader[0] == 0x14 && version && length == 1) {
            changeCipherSpecAllowed = false;
            discardPayload = true;
            return 1;
        }
        changeCipherSpecAllowed = false;
        discardPayload = false;
        if (inHeader[0] != APPLICATION_DATA || !version || length == 0 || length > FakeTlsClientHandshake.MAX_RECORD_BODY) {
            failure = new FakeTlsException(FakeTlsException.Reason.MALFORMED, "not an application-data record: "
                    + HexFormat.of().formatHex(inHeader));
            throw failure;
        }
        return length;
    }
}
