package dev.mtproto.keyexchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads the shared JSON vectors from {@code /vectors} on the test classpath. */
final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private Vectors() {
    }

    static JsonNode load(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no vector file " + file + " on the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalStateException("vector field missing");
        }
        return HEX.parseHex(node.asString());
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** A little-endian 8-byte hex field as the long a TL reader sees. */
    static long littleEndianLong(JsonNode node) {
        return ByteBuffer.wrap(hex(node)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
