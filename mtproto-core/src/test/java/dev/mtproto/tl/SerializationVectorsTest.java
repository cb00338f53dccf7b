package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The 39 samples of {@code tl_serialization.json} (written by an independent TL implementation): the object
 * built from each sample's fields encodes to exactly the sample's bytes, and the bytes decode to an equal
 * object.
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
        assertThat(root.get("layer").asInt()).isEqualTo(223);
        assertThat(root.get("samples")).hasSize(39);
        return root.get("samples").valueStream().map(sample -> DynamicTest.dynamicTest(sample.get("name").asString(), () -> {
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
}
