package dev.mtproto.client.proxy;

import dev.mtproto.crypto.RandomSource;
import dev.mtproto.transport.FakeTlsClientHandshake;
import dev.mtproto.transport.FakeTlsException;
import dev.mtproto.transport.MtproxySecret;

/** {@link FakeTlsClientHandshake} as a {@link ProxyHandshake}: its failures become the proxy steps that name them. */
final class FakeTlsHandshake implements ProxyHandshake {
    private final FakeTlsClientHandshake tls;

    FakeTlsHandshake(MtproxySecret secret, long unixTime, RandomSource random) {
        this.tls = FakeTlsClientHandshake.start(secret, unixTime, random);
    }

    @Override
    public byte[] start() {
        return tls.clientHello();
    }

    @Override
    public int wanted() {
        return tls.wanted();
    }

    @Override
    public byte[] receive(byte[] data, int offset, int length) throws HandshakeFailure {
        try {
            tls.receive(data, offset, length);
        } catch (FakeTlsException e) {
            throw new HandshakeFailure(e.reason() == FakeTlsException.Reason.BAD_HMAC ? ProxyStep.SECRET_REJECTED
                    : ProxyStep.PROTOCOL_ERROR, e.getMessage());
        }
        return new byte[0];
    }

    @Override
    public boolean done() {
        return tls.done();
    }
}
