package dev.mtproto.spring.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds, on the test class path, every class of ours that could show a secret in its {@code toString()}: a
 * record, or a class that declares {@code toString()}, with an instance field that is of a secret-holding
 * type (a key, an MTProxy secret, proxy credentials or configuration, a stored authorization or snapshot, a
 * client configuration, Spring properties) or is a string or array whose name says secret (hash, token,
 * password, secret, key, session, nonce, code, link). Generated TL types are left out: their {@code toString()}
 * comes from the generator, which prints fields marked secret as {@code ***}.
 */
final class SecretTypes {
    /**
     * Names of strings and arrays that sound secret. Phone numbers are personal data but not secrets here: a
     * login flow is shown the number it typed (the stores hide them anyway, see SecretsNeverLoggedTest).
     */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(hash|token|password|secret|key|session|nonce|code|link).*");
    private static final List<String> SECRET_TYPES = List.of("dev.mtproto.crypto.AuthKey", "dev.mtproto.crypto.TmpAesKey",
            "dev.mtproto.transport.MtproxySecret", "dev.mtproto.client.proxy.ProxyCredentials",
            "dev.mtproto.client.proxy.ProxyConfig", "dev.mtproto.client.proxy.MtproxyLink", "dev.mtproto.store.DcAuthorization",
            "dev.mtproto.store.SessionSnapshot", "dev.mtproto.client.ClientConfig", "dev.mtproto.crypto.SrpAnswer",
            "dev.mtproto.spring.autoconfigure.MtprotoProperties", "dev.mtproto.spring.autoconfigure.AccountProperties",
            "dev.mtproto.spring.autoconfigure.ProxyProperties");
    private static final List<String> GENERATED = List.of("dev.mtproto.tl.api.", "dev.mtproto.tl.mtproto.", "dev.mtproto.tl.generator.");

    private SecretTypes() {
    }

    /** @return the names of the classes found, sorted */
    static Set<String> onClassPath() {
        Set<String> found = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            for (String name : classNames(Path.of(entry))) {
                if (name.startsWith("dev.mtproto.") && GENERATED.stream().noneMatch(name::startsWith) && holdsSecrets(name)) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    /** Our main classes in a class path entry: a {@code target/classes} directory or an {@code mtproto-*} jar. */
    private static List<String> classNames(Path entry) {
        List<String> names = new ArrayList<>();
        String file = entry.getFileName() == null ? "" : entry.getFileName().toString();
        if (Files.isDirectory(entry) && file.equals("classes")) {
            try (Stream<Path> files = Files.walk(entry)) {
                files.filter(p -> p.toString().endsWith(".class"))
                        .forEach(p -> names.add(toClassName(entry.relativize(p).toString().replace(java.io.File.separatorChar, '/'))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (file.startsWith("mtproto-") && file.endsWith(".jar") && !file.contains("-tests")) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.endsWith(".class")) {
                        names.add(toClassName(name));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static String toClassName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static boolean holdsSecrets(String name) {
        try {
            Class<?> type = Class.forName(name, false, SecretTypes.class.getClassLoader());
            if (type.isInterface() || type.isEnum() || type.isAnonymousClass() || type.isSynthetic()
                    || !(type.isRecord() || declaresToString(type))) {
                return false;
            }
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && isSecret(field)) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // an optional dependency of the class (Jackson, JUnit, ...) is missing here; it cannot be built anyway
        }
    }

    private static boolean isSecret(Field field) {
        String typeName = field.getGenericType().getTypeName();
        if (SECRET_TYPES.stream().anyMatch(t -> namesType(typeName, t))) {
            return true;
        }
        Class<?> type = field.getType();
        return (type == String.class || type == byte[].class || type == char[].class)
                && SECRET_NAME.matcher(field.getName()).matches();
    }

    /**
     * @return whether the (possibly generic) type name names {@code type} or one of its nested types that can hold
     *     a value (an enum nested in it, as in {@code List<MtprotoProperties$RouteKind>}, holds no secret)
     */
    private static boolean namesType(String typeName, String type) {
        for (int at = typeName.indexOf(type); at >= 0; at = typeName.indexOf(type, at + 1)) {
            int end = at + type.length();
            while (end < typeName.length() && (Character.isJavaIdentifierPart(typeName.charAt(end)) || typeName.charAt(end) == '.')) {
                end++;
            }
            String named = typeName.substring(at, end);
            if (named.equals(type) || (named.startsWith(type + "$") && !isEnum(named))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEnum(String name) {
        try {
            return Class.forName(name, false, SecretTypes.class.getClassLoader()).isEnum();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean declaresToString(Class<?> type) {
        try {
            type.getDeclaredMethod("toString");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
