package dev.mtproto.tl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.api.InputPeerUser;
import dev.mtproto.tl.api.TextWithEntities;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlDumpTest {

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TlDump.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void printsADecodedFileIndented(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.bin");
        Files.write(file, Messages100Test.load());
        String[] result = run(file.toString());
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).startsWith(file + ": messages.messages, 38316 bytes, decoded in ");
        assertThat(result[1].lines().filter(l -> l.strip().startsWith("message{"))).hasSize(100);
    }

    @Test
    void readsHexAndReportsBadInput(@TempDir Path dir) throws Exception {
        Path hex = dir.resolve("peer.hex");
        Files.writeString(hex, HexFormat.of().formatHex(new InputPeerUser(1, 2).toByteArray()) + "\n");
        assertThat(run("--hex", hex.toString())[1]).contains("inputPeerUser{\n  userId=1,\n  accessHash=2\n}");

        Path bad = dir.resolve("bad.bin");
        Files.write(bad, new byte[] {1, 2, 3, 4});
        String[] result = run(bad.toString());
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("unknown constructor 0x4030201");
        assertThat(run()[0]).isEqualTo("2");
    }

    @Test
    void indentationLeavesQuotedTextAlone() {
        String flat = new TextWithEntities("a {b}, [c] \"d\"", List.of()).toString();
        assertThat(TlDump.indent(flat)).isEqualTo("textWithEntities{\n  text=\"a {b}, [c] \\\"d\\\"\",\n  entities=[]\n}");
    }
}
