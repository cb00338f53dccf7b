package dev.mtproto.tl.generator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TlSchemaParserTest {

    private static final String GRAMMAR = """
            // LAYER 7
            // a comment
            boolFalse#bc799737 = Bool;
            boolTrue#997275b5 = Bool;
            true#3fedd339 = True;
            vector#1cb5c415 {t:Type} # [ t ] = Vector t;
            int ? = Int;

            peerUser#59511722 user_id:long = Peer;
            thing#0000000a flags:# big:flags.0?true name:flags.1?string flags2:# tag:flags2.31?int ids:Vector<long> peer:Peer = Thing;
            message msg_id:long seqno:int bytes:int body:Object = Message;
            container#73f1f8dc messages:vector<%Message> salts:vector<future_salt> = Container;
            future_salt#0949d9dc salt:long = FutureSalt;
            ns.item#00000001 id:int = ns.Item;

            ---functions---

            invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;
            ns.getItems#00000002 ids:Vector<int> = Vector<ns.Item>;
            """;

    @Test
    void readsEveryConstructOfTheGrammar() {
        TlSchema schema = TlSchemaParser.parse("test.tl", GRAMMAR);
        assertThat(schema.layer()).hasValue(7);
        assertThat(schema.builtins()).extracting(TlCombinator::name).containsExactly("boolFalse", "boolTrue", "true", "vector", "int");
        assertThat(schema.constructors()).extracting(TlCombinator::name)
                .containsExactly("peerUser", "thing", "message", "container", "future_salt", "ns.item");
        assertThat(schema.functions()).extracting(TlCombinator::name).containsExactly("invokeWithLayer", "ns.getItems");

        TlCombinator thing = schema.constructors().get(1);
        assertThat(thing.id()).isEqualTo(0x0a);
        assertThat(thing.params()).extracting(TlParam::toString).containsExactly(
                "flags:#", "big:flags.0?true", "name:flags.1?string", "flags2:#", "tag:flags2.31?int", "ids:Vector<long>", "peer:Peer");
        assertThat(thing.params().get(1).isTrueFlag()).isTrue();

        // no id written: CRC32 of the normalized declaration, as Telegram computes it
        assertThat(schema.constructors().get(2).id()).isEqualTo(0x5bb8e511);

        TlCombinator container = schema.constructors().get(3);
        assertThat(container.params().get(0).type()).isEqualTo(new TlType.Vector(new TlType.Named("Message", true), true));
        assertThat(container.params().get(1).type()).isEqualTo(new TlType.Vector(new TlType.Named("future_salt", true), true));

        TlCombinator invoke = schema.functions().get(0);
        assertThat(invoke.typeParameters()).containsExactly("X");
        assertThat(invoke.params().get(1).type()).isEqualTo(new TlType.TypeVariable("X", true));
        assertThat(invoke.result()).isEqualTo(new TlType.TypeVariable("X", false));
        assertThat(schema.functions().get(1).result()).isEqualTo(new TlType.Vector(new TlType.Named("ns.Item", false), false));
        assertThat(invoke.toString()).isEqualTo("invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("missing colon", "a#1 b int = A;", 1, 7, "expected ':' after field name 'b', found 'int'"),
                Arguments.of("unknown type", "a#1 b:Nope = A;", 1, 7, "unknown type 'Nope'"),
                Arguments.of("flag without word", "a#1 b:flags.0?int = A;", 1, 7,
                        "field 'b' depends on 'flags', which is not an earlier '#' field of 'a'"),
                Arguments.of("flag bit out of range", "a#1 flags:# b:flags.32?int = A;", 1, 15, "flag bit 32 of field 'b' is out of range 0..31"),
                Arguments.of("duplicate field", "a#1 b:int b:long = A;", 1, 11, "field 'b' appears twice in 'a'"),
                Arguments.of("bad id", "a#xyz b:int = A;", 1, 3, "expected 1 to 8 hex digits of a constructor id right after 'a#', found 'xyz'"),
                Arguments.of("missing semicolon", "a#1 b:int = A", 1, 14, "expected ';' at the end of the declaration of 'a', found end of file"),
                Arguments.of("bang without variable", "---functions---\nf#1 q:!X = X;", 2, 8,
                        "'!X' uses a type variable that 'f' does not declare with {X:Type}"),
                Arguments.of("unknown section", "a#1 = A;\n---nope---", 2, 1,
                        "unknown section marker '---nope---', expected ---types--- or ---functions---"),
                Arguments.of("bad character", "a#1 b:int = A; $", 1, 16, "unexpected character '$'"),
                Arguments.of("generic not vector", "a#1 b:List<int> = A;", 1, 7, "only Vector<T> and vector<T> take a type argument, not 'List'"),
                Arguments.of("true without flag", "a#1 b:true = A;", 1, 5,
                        "field 'b' has type 'true', which only makes sense as an optional flag (flags.N?true)"),
                Arguments.of("bare lowercase result", "a#1 = b;", 1, 7, "constructor 'a' must build a boxed type (a capitalised name), found 'b'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void reportsLineColumnAndProblem(String what, String text, int line, int column, String problem) {
        assertThatThrownBy(() -> TlSchemaParser.parse("bad.tl", text))
                .isInstanceOfSatisfying(TlSchemaParseException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).isEqualTo("bad.tl:" + line + ":" + column + ": " + problem);
                });
    }

    @Test
    void reportsDuplicateIdsAndLaterLines() {
        assertThatThrownBy(() -> TlSchemaParser.parse("dup.tl", "a#1 = A;\n\nb#1 = B;"))
                .isInstanceOf(TlSchemaParseException.class)
                .hasMessage("dup.tl:3:1: id #00000001 of 'b' is already used by 'a' on line 1");
        assertThatThrownBy(() -> TlSchemaParser.parse("two.tl", "// LAYER 1\n// LAYER 2\n"))
                .hasMessage("two.tl:2:1: a second LAYER marker (the first said 1)");
        assertThatThrownBy(() -> TlSchemaParser.parse("bare.tl", "a#1 = A;\nb#2 = A;\nc#3 x:%A = C;"))
                .hasMessage("bare.tl:3:8: '%A' is bare, so type 'A' must have exactly one constructor, but it has 2");
    }

    /** Telegram's api.tl as published: blank lines, short ids, no vector declaration, the layer last. */
    static final String TELEGRAM_LAYOUT = """

            boolFalse#bc799737 = Bool;

            boolTrue#997275b5 = Bool;

            true#3fedd339 = True;

            null#56730bcc = Null;

            inputMediaUploadedDocument#37c9330 flags:# nosound_video:flags.3?true file:InputFile attributes:Vector<int> = InputMedia;

            inputFile#f52ff27f id:long = InputFile;

            ---functions---

            invokeWithApnsSecret#dae54f8 {X:Type} nonce:string secret:string query:!X = X;

            // LAYER 228
            """;

    @Test
    void readsTelegramsFileAsPublished() {
        TlSchema schema = TlSchemaParser.parse("api.tl", TELEGRAM_LAYOUT);
        assertThat(schema.layer()).hasValue(228);
        assertThat(schema.constructors()).extracting(TlCombinator::toString).containsExactly(
                "null#56730bcc = Null;",
                "inputMediaUploadedDocument#037c9330 flags:# nosound_video:flags.3?true file:InputFile attributes:Vector<int> = InputMedia;",
                "inputFile#f52ff27f id:long = InputFile;");
        assertThat(schema.functions()).extracting(TlCombinator::id).containsExactly(0x0dae54f8);
        assertThat(schema.builtins()).as("vector is added because Vector<T> is used")
                .extracting(TlCombinator::name, TlCombinator::id)
                .containsExactly(tuple("boolFalse", 0xbc799737), tuple("boolTrue", 0x997275b5), tuple("true", 0x3fedd339),
                        tuple("vector", TlSchemaParser.VECTOR_ID));
        assertThat(TlSchemaParser.parse("b.tl", "\uFEFFa#1 = A;").constructors()).as("a byte order mark is skipped").hasSize(1);
        assertThat(TlSchemaParser.parse("n.tl", "a#1 = A;").builtins()).as("no Vector, no implicit vector").isEmpty();
    }

    @Test
    void parsesTheProjectsSchemas() throws Exception {
        TlSchema api = TlSchemaParser.parse("api.tl", Files.readString(Path.of("../src-schema/api.tl")));
        assertThat(api.layer()).hasValue(228);
        assertThat(api.constructors()).as("Telegram's 1,642 constructors less the built-ins boolFalse, boolTrue, true").hasSize(1639);
        assertThat(api.functions()).hasSize(806);
        assertThat(api.builtins()).extracting(TlCombinator::name).containsExactly("boolFalse", "boolTrue", "true", "vector");
        TlSchema mtproto = TlSchemaParser.parse("mtproto.tl", Files.readString(Path.of("../src-schema/mtproto.tl")));
        assertThat(mtproto.layer()).isEmpty();
        assertThat(mtproto.constructors()).extracting(TlCombinator::name)
                .contains("msg_container", "message", "msg_copy", "gzip_packed", "rpc_result", "rpc_error", "future_salt", "future_salts");
        assertThat(mtproto.functions()).extracting(TlCombinator::name).contains("req_pq_multi", "req_DH_params", "set_client_DH_params",
                "rpc_drop_answer", "get_future_salts", "ping", "ping_delay_disconnect", "destroy_session", "destroy_auth_key");
        assertThat(mtproto.constructors()).filteredOn(c -> c.name().equals("message")).singleElement()
                .extracting(TlCombinator::id).isEqualTo(0x5bb8e511);
    }
}
