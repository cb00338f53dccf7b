package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.ApiSchema;
import dev.mtproto.tl.api.messages.MessagesType;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code messages100.bin} is made, not kept: it is our encoding, at the current layer, of the content in
 * {@code bench/messages100.json} (layer-independent: TL names and fields, read through the JSON mapping).
 * This test fails when a committed copy (the test input here, the benchmark input in
 * {@code mtproto-benchmarks}) is not that encoding; run it with {@code -Dmtproto.fixtures.write=true} to
 * write both copies again, as a layer upgrade does (see {@code docs/layer-upgrade.md}).
 */
class Messages100FixtureTest {
    static final List<Path> COPIES = List.of(
            Path.of("src/test/resources/bench/messages100.bin"),
            Path.of("../mtproto-benchmarks/src/main/resources/messages100.bin"));

    /** @return the content of {@code messages100.json} encoded at this build's layer */
    static byte[] encodeContent() throws Exception {
        try (InputStream in = Messages100FixtureTest.class.getResourceAsStream("/bench/messages100.json")) {
            MessagesType content = TlJsonRoundTripTest.MAPPER.readValue(in, MessagesType.class);
            return content.toByteArray();
        }
    }

    @Test
    void everyCommittedCopyIsTheEncodingOfTheContentAtThisLayer() throws Exception {
        byte[] encoded = encodeContent();
        if (Boolean.getBoolean("mtproto.fixtures.write")) {
            for (Path copy : COPIES) {
                Files.write(copy, encoded);
            }
        }
        for (Path copy : COPIES) {
            assertThat(Files.readAllBytes(copy))
                    .as("%s is not the layer-%d encoding of bench/messages100.json; re-create it with -Dmtproto.fixtures.write=true",
                            copy, ApiSchema.LAYER)
                    .isEqualTo(encoded);
        }
    }
}
