package dev.mtproto.keyexchange;

import dev.mtproto.crypto.DhInnerDataCipher;
import dev.mtproto.crypto.RsaPad;
import dev.mtproto.crypto.RsaPrivateKey;
import dev.mtproto.crypto.TmpAesKey;
import dev.mtproto.tl.TlReader;
import dev.mtproto.tl.mtproto.ClientDHInnerData;
import dev.mtproto.tl.mtproto.ClientDHInnerDataType;
import dev.mtproto.tl.mtproto.PQInnerDataType;
import dev.mtproto.tl.mtproto.ReqDHParams;
import dev.mtproto.tl.mtproto.ServerDHInnerData;
import dev.mtproto.tl.mtproto.ServerDHInnerDataType;
import dev.mtproto.tl.mtproto.ServerDHParamsOk;
import dev.mtproto.tl.mtproto.SetClientDHParams;
import java.util.function.UnaryOperator;

/**
 * A man in the middle who holds the server's private key: it reads {@code new_nonce} from the client's
 * req_DH_params and can then decrypt and re-encrypt (with a valid SHA-1) the DH inner data of both sides.
 */
final class Eavesdropper {
    final byte[] nonce;
    final byte[] serverNonce;
    final byte[] newNonce;
    final TmpAesKey tmpKey;

    Eavesdropper(byte[] reqDhParamsPayload, RsaPrivateKey serverKey) {
        TlReader reader = new TlReader(Payloads.body(reqDhParamsPayload));
        reader.readInt();
        ReqDHParams request = ReqDHParams.readBare(reader);
        PQInnerDataType inner = PQInnerDataType.read(new TlReader(RsaPad.decrypt(request.encryptedData(), serverKey)));
        nonce = inner.nonce();
        serverNonce = inner.serverNonce();
        newNonce = inner.newNonce();
        tmpKey = TmpAesKey.derive(newNonce, serverNonce);
    }

    ServerDHInnerData serverInner(byte[] serverDhParamsOkPayload) {
        ServerDHParamsOk ok = (ServerDHParamsOk) Payloads.read(serverDhParamsOkPayload,
                dev.mtproto.tl.mtproto.ServerDHParams::read);
        byte[] inner = DhInnerDataCipher.decrypt(tmpKey, ok.encryptedAnswer());
        return (ServerDHInnerData) ServerDHInnerDataType.read(new TlReader(inner));
    }

    /** server_DH_params_ok with the inner data changed and re-encrypted (valid SHA-1, valid padding). */
    byte[] rewriteServerInner(byte[] serverDhParamsOkPayload, UnaryOperator<ServerDHInnerData> change) {
        return reencryptServerInner(serverDhParamsOkPayload, Payloads.serialize(change.apply(serverInner(serverDhParamsOkPayload))));
    }

    /** server_DH_params_ok whose encrypted_answer holds {@code innerBytes} (hashed and padded correctly). */
    byte[] reencryptServerInner(byte[] serverDhParamsOkPayload, byte[] innerBytes) {
        byte[] encrypted = DhInnerDataCipher.encrypt(tmpKey, innerBytes, new SeededRandom(1));
        return Payloads.withBody(serverDhParamsOkPayload, new ServerDHParamsOk(nonce, serverNonce, encrypted));
    }

    ClientDHInnerData clientInner(byte[] setClientDhParamsPayload) {
        TlReader reader = new TlReader(Payloads.body(setClientDhParamsPayload));
        reader.readInt();
        SetClientDHParams request = SetClientDHParams.readBare(reader);
        byte[] inner = DhInnerDataCipher.decrypt(tmpKey, request.encryptedData());
        return (ClientDHInnerData) ClientDHInnerDataType.read(new TlReader(inner));
    }
}
