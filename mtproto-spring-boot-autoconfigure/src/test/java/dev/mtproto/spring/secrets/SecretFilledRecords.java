package dev.mtproto.spring.secrets;

import dev.mtproto.client.ClientConfig;
import dev.mtproto.client.proxy.ProxyConfig;
import dev.mtproto.client.proxy.ProxyCredentials;
import dev.mtproto.crypto.AuthKey;
import dev.mtproto.crypto.TmpAesKey;
import dev.mtproto.testkit.logging.SecretScan;
import dev.mtproto.transport.MtproxySecret;
import java.lang.reflect.Constructor;
import java.net.InetSocketAddress;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * Builds a record through its canonical constructor with a value for every component: a fresh secret (which
 * it adds to a {@link SecretScan}) for a component that is secret by type or by name, and a plain value for
 * the others; nested records and sealed interfaces are built the same way.
 */
final class SecretFilledRecords {
    private final SecretScan scan;
    private final Set<String> notSecret;
    private final Set<String> alsoSecret;
    private final Random random = new Random(42);
    private int counter;

    /**
     * @param scan where the secrets put in are registered
     * @param notSecret components ({@code Record.component}) whose name sounds secret but are not
     * @param alsoSecret components whose name does not sound secret but are
     */
    SecretFilledRecords(SecretScan scan, Set<String> notSecret, Set<String> alsoSecret) {
        this.scan = scan;
        this.notSecret = notSecret;
        this.alsoSecret = alsoSecret;
    }

    /** A secret string, also registered. */
    String secretText() {
        String secret = "S3cr3t" + (++counter) + "x" + Long.toHexString(random.nextLong());
        scan.text(secret);
        return secret;
    }

    /** Registers a secret made elsewhere (for example a session string). */
    void registerText(String secret) {
        scan.text(secret);
    }

    /** Secret bytes, also registered. */
    byte[] secretBytes(int length) {
        byte[] secret = new byte[length];
        random.nextBytes(secret);
        scan.bytes(secret);
        return secret;
    }

    /** A secret as hex digits (an api hash, an MTProxy key), registered as text and as bytes. */
    String secretHex(int bytes) {
        String hex = HexFormat.of().formatHex(secretBytes(bytes));
        scan.text(hex);
        return hex;
    }

    /** A client configuration with a secret api hash, going through a SOCKS5 proxy with a secret password. */
    ClientConfig clientConfig() {
        return ClientConfig.builder(17349, secretHex(16))
                .dialer(ProxyConfig.socks5("127.0.0.1", 1080, "proxyuser", secretText()).dialer()).build();
    }

    AuthKey authKey() {
        return AuthKey.of(secretBytes(AuthKey.SIZE));
    }

    MtproxySecret mtproxySecret() {
        byte[] key = secretBytes(16);
        return MtproxySecret.fromHex("ee" + HexFormat.of().formatHex(key) + HexFormat.of().formatHex("example.com".getBytes()));
    }

    ProxyCredentials credentials() {
        return new ProxyCredentials("proxyuser", secretText());
    }

    /**
     * Builds a record.
     *
     * @param type a record class
     * @return the instance
     * @throws IllegalArgumentException naming the record and the reason, if it cannot be built this way
     */
    Object build(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record; give it an explicit factory");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String name = type.getSimpleName() + "." + c.getName();
            boolean secretName = SecretTypes.SECRET_NAME.matcher(c.getName()).matches() && !notSecret.contains(name)
                    || alsoSecret.contains(name);
            values[i] = value(c.getGenericType(), secretName, type.getName() + "." + c.getName());
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(type.getName() + " refused the generated values (" + e.getCause()
                    + "); give it an explicit factory", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot call the constructor of " + type.getName(), e);
        }
    }

    /** An object of an interface that holds nothing: its toString says "stub", other methods return defaults. */
    private static Object stub(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return "stub";
            }
            if (method.getName().equals("hashCode")) {
                return 0;
            }
            Class<?> returns = method.getReturnType();
            if (returns == boolean.class) {
                return false;
            }
            if (returns == int.class || returns == long.class || returns == short.class || returns == byte.class) {
                return returns == long.class ? (Object) 0L : (Object) 0;
            }
            return null;
        });
    }

    private Object value(Type generic, boolean secret, String where) {
        Class<?> type = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        if (type == String.class) {
            return secret ? secretText() : "plain" + (++counter);
        }
        if (type == byte[].class) {
            return secret ? secretBytes(32) : new byte[] {1, 2, 3, 4};
        }
        if (type == char[].class) {
            return secret ? secretText().toCharArray() : "plain".toCharArray();
        }
        if (type == int.class || type == Integer.class) {
            return 2;
        }
        if (type == long.class || type == Long.class) {
            return 77L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == double.class) {
            return 1.5;
        }
        if (type == Optional.class) {
            return Optional.of(value(((ParameterizedType) generic).getActualTypeArguments()[0], secret, where));
        }
        if (type == OptionalInt.class) {
            return OptionalInt.of(2);
        }
        if (type == OptionalLong.class) {
            return OptionalLong.of(77);
        }
        if (type == List.class) {
            return List.of(value(((ParameterizedType) generic).getActualTypeArguments()[0], secret, where));
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(30);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00Z");
        }
        if (type == Path.class) {
            return Path.of("/tmp/plain.session");
        }
        if (type == AuthKey.class) {
            return authKey();
        }
        if (type == ClientConfig.class) {
            return clientConfig();
        }
        if (type == TmpAesKey.class) {
            return TmpAesKey.derive(secretBytes(32), secretBytes(16));
        }
        if (type == InetSocketAddress.class) {
            return InetSocketAddress.createUnresolved("127.0.0.1", 443);
        }
        if (type == MtproxySecret.class) {
            return mtproxySecret();
        }
        if (type == ProxyCredentials.class) {
            return credentials();
        }
        if (type == ProxyConfig.class) {
            return ProxyConfig.socks5("127.0.0.1", 1080, "proxyuser", secretText());
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return build(type);
        }
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                if (permitted.isRecord()) {
                    return build(permitted);
                }
            }
        }
        if (type.isInterface()) {
            return stub(type);
        }
        throw new IllegalArgumentException("no value for " + where + " of type " + generic.getTypeName()
                + "; give its record an explicit factory");
    }
}
