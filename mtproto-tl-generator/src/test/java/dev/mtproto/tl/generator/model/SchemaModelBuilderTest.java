package dev.mtproto.tl.generator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtproto.tl.generator.schema.TlSchemaParser;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaModelBuilderTest {

    private static SchemaModel model(String text) {
        return SchemaModelBuilder.build(TlSchemaParser.parse("t.tl", text), "T", "p", new SecretFields(Set.of("api_hash"), Set.of("x.token")));
    }

    @Test
    void namingRule() {
        assertThat(JavaNames.className("p_q_inner_data_dc")).isEqualTo("PQInnerDataDc");
        assertThat(JavaNames.className("messages.getHistory")).isEqualTo("GetHistory");
        assertThat(JavaNames.fieldName("peer_id")).isEqualTo("peerId");
        assertThat(JavaNames.fieldName("srp_B")).isEqualTo("srpB");
        assertThat(JavaNames.fieldName("M1")).isEqualTo("m1");
        assertThat(JavaNames.fieldName("default")).isEqualTo("default_");
        assertThat(JavaNames.fieldName("long")).isEqualTo("long_");
        assertThat(JavaNames.fieldName("write")).isEqualTo("write_");
        assertThat(JavaNames.packageName("dev.x", "messages.getHistory")).isEqualTo("dev.x.messages");
    }

    @Test
    void typesTakeTheirNameUnlessAClassHasItAlready() {
        SchemaModel m = model("""
                user#1 id:int = User;
                userEmpty#2 id:int = User;
                inputPeerSelf#3 = InputPeer;
                secureValue#4 = SecureValue;
                secureValueTypeA#5 = SecureValueType;
                ns.messages#6 = ns.Messages;
                ---functions---
                user#7 = User;
                """);
        assertThat(m.types()).extracting(TypeModel::qualifiedName)
                .containsExactly("p.UserType", "p.InputPeer", "p.SecureValueTlType", "p.SecureValueType", "p.ns.MessagesType");
        assertThat(m.functions()).extracting(ClassModel::qualifiedName).containsExactly("p.UserRequest");
    }

    @Test
    void flagsAndCommonFields() {
        SchemaModel m = model("""
                a#1 flags:# bot:flags.0?true version:flags.0?int id:long api_hash:string = T;
                b#2 flags:# id:long extra:flags.3?bytes = T;
                """);
        ClassModel a = m.constructors().get(0);
        FieldModel bot = a.fields().get(1);
        FieldModel version = a.fields().get(2);
        assertThat(bot.isTrueFlag()).isTrue();
        assertThat(bot.type()).isNull();
        assertThat(version.isOptionalValue()).isTrue();
        assertThat(version.accessorType()).isEqualTo("Integer");
        assertThat(version.type().storage()).isEqualTo("int");
        assertThat(a.fields().get(4).secret()).isTrue();
        assertThat(m.types().get(0).commonFields()).extracting(FieldModel::javaName).containsExactly("id");
    }

    @Test
    void recursiveTypesAreMarked() {
        SchemaModel m = model("""
                textPlain#1 text:string = RichText;
                textBold#2 text:RichText = RichText;
                page#3 blocks:Vector<PageBlock> = Page;
                pageBlockText#4 text:RichText = PageBlock;
                pageBlockList#5 items:Vector<PageBlock> = PageBlock;
                """);
        assertThat(m.types()).filteredOn(TypeModel::recursive).extracting(TypeModel::tlName).containsExactly("RichText", "PageBlock");
    }

    @Test
    void unsupportedShapesAreRejectedWithTheDeclaration() {
        assertThatThrownBy(() -> model("ns.a#1 = B;"))
                .isInstanceOf(SchemaModelException.class)
                .hasMessageContaining("constructor 'ns.a' is in namespace package p.ns but its type 'B' is in p");
        assertThatThrownBy(() -> model("a#1 a_b:int aB:int = A;"))
                .isInstanceOf(SchemaModelException.class)
                .hasMessageContaining("two fields of 'a' map to the Java name 'aB'");
    }
}
