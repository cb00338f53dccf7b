package dev.mtproto.tl.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtproto.tl.generator.model.SchemaModel;
import dev.mtproto.tl.generator.model.SchemaModelBuilder;
import dev.mtproto.tl.generator.model.SecretFields;
import dev.mtproto.tl.generator.schema.TlSchemaParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaGeneratorTest {

    private static JavaGenerator.Generated generate(String text) {
        SchemaModel model = SchemaModelBuilder.build(TlSchemaParser.parse("t.tl", text), "T", "dev.x", SecretFields.TELEGRAM);
        return JavaGenerator.generate(List.of(model), List.of("t.tl"));
    }

    @Test
    void emitsInterfacesClassesRegistryServicesAndFixtures() {
        JavaGenerator.Generated g = generate("""
                peerUser#59511722 user_id:long w:int = Peer;
                ---functions---
                getPeer#00000001 api_hash:string = Peer;
                """);
        Map<String, String> files = g.sources().files();
        assertThat(files).containsOnlyKeys("dev/x/Peer.java", "dev/x/PeerUser.java", "dev/x/GetPeer.java", "dev/x/TSchema.java");
        String peerUser = files.get("dev/x/PeerUser.java");
        assertThat(peerUser)
                .contains("public final class PeerUser implements Peer")
                .contains("w.writeInt(this.w);") // a field named like the writer parameter
                .contains("import dev.mtproto.tl.TlWriter;")
                .doesNotContain("import dev.mtproto.tl.TlList;");
        assertThat(files.get("dev/x/GetPeer.java"))
                .contains("public final class GetPeer implements TlMethod<Peer>")
                .contains(".secret(\"apiHash\", true)");
        assertThat(files.get("dev/x/Peer.java")).contains("public sealed interface Peer extends TlObject permits PeerUser");
        assertThat(files.get("dev/x/TSchema.java")).contains("\"dev.x.PeerUser\""); // string literals keep qualified names
        assertThat(g.resources().files()).containsEntry("META-INF/services/dev.mtproto.tl.TlSchema", "dev.x.TSchema\n");
        assertThat(g.fixtures().files()).containsKeys("dev/mtproto/tl/TlRandomSource.java", "dev/x/TRandomObjects.java", "dev/x/TRandomObjects0.java");
    }

    @Test
    void bytesFieldsGetAReadOnlyViewBesidesTheCopyingAccessor() {
        String part = generate("part#00000010 flags:# data:bytes thumb:flags.0?bytes key:int128 = Part;").sources().files().get("dev/x/Part.java");
        assertThat(part)
                .contains("public byte[] data() {\n        return this.data.clone();")
                .contains("public java.nio.ByteBuffer dataBuffer() {\n        return java.nio.ByteBuffer.wrap(this.data).asReadOnlyBuffer();")
                .contains("public java.nio.ByteBuffer thumbBuffer() {\n        return this.thumb == null ? null : java.nio.ByteBuffer.wrap(this.thumb).asReadOnlyBuffer();")
                .contains("this.data = r.readBytes();") // decoding adopts the array the reader filled: no second copy
                .contains("w.writeBytes(this.data);") // encoding writes the stored array: no copy
                .doesNotContain("keyBuffer()");
    }

    @Test
    void writesOnlyWhatChangedAndRemovesStaleFiles(@TempDir Path dir) throws Exception {
        JavaGenerator.Generated first = generate("a#1 = A;\nb#2 = B;");
        assertThat(first.sources().writeTo(dir)).isEqualTo(first.sources().size());
        Path a = dir.resolve("dev/x/A.java");
        long stamp = Files.getLastModifiedTime(a).toMillis();
        Thread.sleep(20);
        assertThat(first.sources().writeTo(dir)).as("nothing changed").isZero();
        assertThat(Files.getLastModifiedTime(a).toMillis()).isEqualTo(stamp);
        JavaGenerator.Generated second = generate("a#1 = A;");
        assertThat(second.sources().writeTo(dir)).as("B.java and BType.java deleted, registry rewritten").isEqualTo(3);
        assertThat(dir.resolve("dev/x/B.java")).doesNotExist();
    }

    @Test
    void generatesTheProjectsSchemas() throws Exception {
        SchemaModel api = SchemaModelBuilder.build(TlSchemaParser.parse("api.tl", Files.readString(Path.of("../src-schema/api.tl"))),
                "Api", "dev.mtproto.tl.api", SecretFields.TELEGRAM);
        JavaGenerator.Generated g = JavaGenerator.generate(List.of(api), List.of("api.tl"));
        assertThat(g.sources().files()).containsKeys(
                "dev/mtproto/tl/api/MessageType.java", "dev/mtproto/tl/api/Message.java",
                "dev/mtproto/tl/api/messages/GetHistory.java", "dev/mtproto/tl/api/InvokeWithLayer.java");
        assertThat(g.sources().files().get("dev/mtproto/tl/api/InvokeWithLayer.java"))
                .contains("public final class InvokeWithLayer<R> implements TlMethod<R>")
                .contains("return this.query.readResult(r);");
        assertThat(g.sources().files().get("dev/mtproto/tl/api/RichText.java")).contains("r.enterNested();");
    }

    @Test
    void writesTheJsonCodecAndSplitsLargeNameSwitches() {
        StringBuilder tl = new StringBuilder("flagged#00000100 flags:# on:flags.0?true n:flags.1?int s:string = Flagged;\n");
        for (int i = 0; i < NameDispatch.MAX_CASES + 6; i++) {
            tl.append("c").append(i).append("#").append(Integer.toHexString(i + 1)).append(" = Many;\n");
        }
        Map<String, String> files = generate(tl.toString()).sources().files();
        assertThat(files.get("dev/x/Flagged.java"))
                .contains("w.startObject(TL_NAME);")
                .contains("if ((this.flags & 0x1) != 0) {\n            w.name(\"on\");\n            w.writeBool(true);")
                .contains("case \"n\": n = r$.isNull() ? null : r$.readInt(); break;")
                .contains("case \"flags\": r$.skipFlagsWord(); break;")
                .contains("throw r$.missingField(\"s\", TL_NAME);")
                .doesNotContain("w.name(\"flags\")");
        String many = files.get("dev/x/Many.java");
        assertThat(many).contains("static Many readJson(TlJsonReader r)").contains("switch (name.hashCode() & ")
                .contains("private static Many readJsonNamed0(String name, TlJsonReader r)");
        assertThat(files.get("dev/x/Flagged.java")).doesNotContain("hashCode() & ");
    }
}
