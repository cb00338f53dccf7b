package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.ApiSchema;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The samples of {@code tl_serialization.json} (written by an independent TL implementation) that hold at
 * this build's layer (their {@code layers} say which): the object built from each sample's fields encodes to
 * exactly the sample's bytes, and the bytes decode to an equal object. The others name another layer.
 */
class SerializationVectorsTest {

    static JsonNode vectors(String file) throws Exception {
        try (InputStream in = SerializationVectorsTest.class.getResourceAsStream("/vectors/" + file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicTest> samplesEncodeAndDecodeByteForByte() throws Exception {
        JsonNode root = vectors("tl_serialization.json");
        assertThat(root.get("samples")).hasSize(40);
        assertThat(root.get("samples").valueStream()).allMatch(sample -> sample.get("layers").size() > 0);
        List<JsonNode> current = root.get("samples").valueStream().filter(SerializationVectorsTest::holdsAtThisLayer).toList();
        assertThat(current).as("39 samples for each of layers 223 and 228").hasSize(39);
        return current.stream().map(sample -> DynamicTest.dynamicTest(sample.get("name").asString(), () -> {
            byte[] expected = HexFormat.of().parseHex(sample.get("bytes").asString());
            assertThat(expected).hasSize(sample.get("length").asInt());

            TlObject built = JsonTlObjects.build(sample.get("input"));
            assertThat(built.toByteArray()).as("encoding").isEqualTo(expected);

            TlReader r = new TlReader(expected);
            TlObject decoded = r.readObject();
            r.expectEnd();
            assertThat(decoded.tlName()).isEqualTo(JsonTlObjects.tlName(sample.get("input")));
            assertThat(decoded).as("decoding").isEqualTo(built);
        }));
    }

    private static boolean holdsAtThisLayer(JsonNode sample) {
        return sample.get("layers").valueStream().anyMatch(layer -> layer.asInt() == ApiSchema.LAYER);
    }
}
