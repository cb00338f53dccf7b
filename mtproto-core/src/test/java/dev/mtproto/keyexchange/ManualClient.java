package dev.mtproto.keyexchange;

import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.DhExchange;
import dev.mtproto.crypto.DhInnerDataCipher;
import dev.mtproto.crypto.LegacyRsaEncryption;
import dev.mtproto.crypto.PqFactorizer;
import dev.mtproto.crypto.PqFactors;
import dev.mtproto.crypto.RandomSource;
import dev.mtproto.crypto.RsaPad;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.crypto.TmpAesKey;
import dev.mtproto.tl.TlObject;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.ClientDHInnerData;
import dev.mtproto.tl.mtproto.PQInnerData;
import dev.mtproto.tl.mtproto.PQInnerDataDc;
import dev.mtproto.tl.mtproto.PQInnerDataTemp;
import dev.mtproto.tl.mtproto.PQInnerDataTempDc;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ReqPq;
import dev.mtproto.tl.mtproto.ReqPqMulti;
import dev.mtproto.tl.mtproto.ResPQ;
import dev.mtproto.tl.mtproto.ResPQType;
import dev.mtproto.tl.mtproto.ServerDHInnerData;
import dev.mtproto.tl.mtproto.ServerDHInnerDataType;
import dev.mtproto.tl.mtproto.ServerDHParams;
import dev.mtproto.tl.mtproto.ServerDHParamsOk;
import dev.mtproto.tl.mtproto.SetClientDHParams;
import dev.mtproto.tl.mtproto.SetClientDHParamsAnswer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A hand-driven client built from the crypto primitives, for testing the server with requests that
 * {@link ClientKeyExchange} never sends: the old req_pq, p_q_inner_data without dc, the legacy RSA
 * encoding, and deliberately wrong values.
 */
final class ManualClient {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final RandomSource random;
    final byte[] nonce;
    final byte[] newNonce;
    private long msgId = 0x6000_0000_0000_0000L;

    byte[] serverNonce;
    byte[] pq;
    PqFactors factors;
    List<Long> fingerprints;
    TmpAesKey tmpKey;
    ServerDHInnerData serverInner;
    AuthKey authKey;

    ManualClient(long seed) {
        random = new SeededRandom(seed);
        nonce = bytes(16);
        newNonce = bytes(32);
    }

    byte[] reqPqMulti() {
        return payload(new ReqPqMulti(nonce));
    }

    byte[] reqPq() {
        return payload(new ReqPq(nonce));
    }

    void readResPq(byte[] payload) {
        ResPQ res = (ResPQ) Payloads.read(payload, ResPQType::read);
        serverNonce = res.serverNonce();
        pq = res.pq();
        factors = PqFactorizer.factorize(pq);
        fingerprints = res.serverPublicKeyFingerprints();
    }

    PQInnerDataType innerData(PqInnerDataForm form, int dc, int expiresIn) {
        byte[] p = factors.pBytes();
        byte[] q = factors.qBytes();
        switch (form) {
            case DC:
                return new PQInnerDataDc(pq, p, q, nonce, serverNonce, newNonce, dc);
            case TEMP_DC:
                return new PQInnerDataTempDc(pq, p, q, nonce, serverNonce, newNonce, dc, expiresIn);
            case NO_DC:
                return new PQInnerData(pq, p, q, nonce, serverNonce, newNonce);
            default:
                return new PQInnerDataTemp(pq, p, q, nonce, serverNonce, newNonce, expiresIn);
        }
    }

    byte[] encrypt(byte[] data, RsaPublicKey key, RsaScheme scheme) {
        return scheme == RsaScheme.RSA_PAD ? RsaPad.encrypt(data, key, random)
                : LegacyRsaEncryption.encrypt(data, key, random);
    }

    byte[] reqDhParams(PQInnerDataType inner, RsaPublicKey key, RsaScheme scheme) {
        byte[] encrypted = encrypt(Payloads.serialize(inner), key, scheme);
        return payload(new ReqDHParams(nonce, serverNonce, factors.pBytes(), factors.qBytes(), key.fingerprint(),
                encrypted));
    }

    void readServerDhParamsOk(byte[] payload) {
        ServerDHParamsOk ok = (ServerDHParamsOk) Payloads.read(payload, ServerDHParams::read);
        tmpKey = TmpAesKey.derive(newNonce, serverNonce);
        byte[] inner = DhInnerDataCipher.decrypt(tmpKey, ok.encryptedAnswer());
        serverInner = (ServerDHInnerData) ServerDHInnerDataType.read(new TlReader(inner));
    }

    /** A correct client_DH_inner_data with a fresh b and the given retry_id; remembers the key. */
    byte[] setClientDhParams(long retryId) {
        BigInteger prime = new BigInteger(1, serverInner.dhPrime());
        DhExchange dh = DhExchange.generate(prime, serverInner.g(), random);
        authKey = dh.computeAuthKey(new BigInteger(1, serverInner.gA()));
        return setClientDhParams(new ClientDHInnerData(nonce, serverNonce, retryId, dh.publicValueBytes()));
    }

    byte[] setClientDhParams(ClientDHInnerData inner) {
        byte[] encrypted = DhInnerDataCipher.encrypt(tmpKey, Payloads.serialize(inner), random);
        return payload(new SetClientDHParams(nonce, serverNonce, encrypted));
    }

    SetClientDHParamsAnswer readAnswer(byte[] payload) {
        return Payloads.read(payload, SetClientDHParamsAnswer::read);
    }

    long auxHashAsRetryId() {
        return (long) LONGS.get(authKey.auxHash(), 0);
    }

    byte[] payload(TlObject object) {
        msgId += 4;
        return new UnencryptedMessage(msgId, Payloads.serialize(object)).encode();
    }

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out, 0, length);
        return out;
    }
}
