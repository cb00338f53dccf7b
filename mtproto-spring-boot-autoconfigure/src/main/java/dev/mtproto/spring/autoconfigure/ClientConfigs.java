package dev.mtproto.spring.autoconfigure;

import dev.mtproto.client.ClientConfigBuilder;
import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.DcAddress;
import dev.mtproto.client.DcOptions;
import dev.mtproto.client.InitConnectionParams;
import dev.mtproto.crypto.RsaPublicKey;
import dev.mtproto.store.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds an account's {@link ClientConfig} from the shared properties and its own. */
final class ClientConfigs {
    private ClientConfigs() {
    }

    /**
     * @param p the properties
     * @param account the account's settings
     * @param store its session store
     * @return a builder with everything the properties say; customizers come after
     * @throws InvalidMtprotoPropertyException if a DC address or the RSA key cannot be read
     */
    static ClientConfigBuilder builder(MtprotoProperties p, AccountProperties account, SessionStore store) {
        ClientConfigBuilder b = ClientConfig.builder(account.apiId(), account.apiHash())
                .sessionStore(store)
                .testMode(p.dc().testMode())
                .homeDc(p.dc().home())
                .refreshDcOptions(p.dc().refreshOptions())
                .transport(p.transport().kind(), p.transport().obfuscated())
                .initConnection(initConnection(p.initConnection()))
                .connectTimeout(p.timeouts().connect())
                .requestTimeout(p.timeouts().request())
                .pingInterval(p.timeouts().ping())
                .idleConnectionTimeout(p.timeouts().idleConnection())
                .floodWaitThreshold(p.timeouts().floodWait());
        if (p.dc().addresses() != null && !p.dc().addresses().isEmpty()) {
            b.dcOptions(dcOptions(p.dc().addresses()));
        }
        if (p.dc().rsaPublicKey() != null) {
            try {
                b.addRsaKey(RsaPublicKey.fromPem(p.dc().rsaPublicKey()));
            } catch (RuntimeException e) {
                throw new InvalidMtprotoPropertyException("mtproto.dc.rsa-public-key", "is not a PEM RSA public key: " + e.getMessage(),
                        "paste the whole key, from -----BEGIN RSA PUBLIC KEY----- to -----END RSA PUBLIC KEY-----", e);
            }
        }
        RouteProperties.apply(p.dc(), p.transport(), ProxyProperties.of(p.proxy()), b);
        if (p.pfs().enabled()) {
            b.perfectForwardSecrecy(p.pfs().keyLifetime());
        }
        return b;
    }

    private static DcOptions dcOptions(Map<Integer, String> addresses) {
        List<DcAddress> list = new ArrayList<>();
        addresses.forEach((id, hostPort) -> list.add(address(id, hostPort)));
        return DcOptions.of(list);
    }

    private static DcAddress address(int id, String hostPort) {
        String property = "mtproto.dc.addresses." + id;
        int colon = hostPort.lastIndexOf(':');
        if (id < 1 || colon <= 0 || colon == hostPort.length() - 1) {
            throw new InvalidMtprotoPropertyException(property, "\"" + hostPort + "\" is not host:port for a DC id from 1",
                    "write each DC as <id>: <host>:<port>, such as 2: 149.154.167.51:443");
        }
        String host = hostPort.substring(0, colon).strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1).strip());
            return new DcAddress(id, host, port);
        } catch (IllegalArgumentException e) {
            throw new InvalidMtprotoPropertyException(property, "\"" + hostPort + "\" has no valid port (1 to 65535)",
                    "write each DC as <id>: <host>:<port>, such as 2: 149.154.167.51:443", e);
        }
    }

    private static InitConnectionParams initConnection(MtprotoProperties.InitConnection i) {
        InitConnectionParams d = InitConnectionParams.defaults();
        return new InitConnectionParams(or(i.deviceModel(), d.deviceModel()), or(i.systemVersion(), d.systemVersion()),
                or(i.appVersion(), d.appVersion()), or(i.systemLangCode(), d.systemLangCode()), d.langPack(), or(i.langCode(), d.langCode()));
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
