package dev.mtproto.tl.jackson;

import dev.mtproto.tl.TlRegistry;
import java.util.Objects;
import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;

/**
 * Jackson 3 support for every generated TL type: TL objects are written as JSON objects whose
 * {@code "_"} names the constructor and whose members are the fields under the schema's names, and are
 * read back from that form (the shape is documented in {@code docs/tl.md}, "TL and JSON").
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new TlJacksonModule()).build();
 * String json = mapper.writeValueAsString(message);
 * MessageType back = mapper.readValue(json, MessageType.class);
 * }</pre>
 *
 * <p>Serializers and deserializers call generated per-constructor code; nothing is reflected over per
 * value. A target type may be {@code TlObject} or {@code TlMethod} (any registered object or function),
 * a generated interface (its constructors only) or a generated class. Bad JSON fails with a
 * {@link dev.mtproto.tl.TlJsonException} that names the JSON Pointer and line of the value; Jackson
 * reports malformed JSON itself, and wraps a {@code TlJsonException} met inside another bean in its own
 * exception (with the {@code TlJsonException} as the cause) unless
 * {@code DeserializationFeature.WRAP_EXCEPTIONS} is disabled.
 *
 * <p>Jackson is an optional dependency of {@code mtproto-core}: add {@code tools.jackson.core:jackson-databind}
 * to use this module. It is also registered for {@code ServiceLoader}, so mappers built with
 * {@code findAndAddModules()} find it.
 */
public final class TlJacksonModule extends JacksonModule {
    private final TlRegistry registry;

    /** Creates the module over {@link TlRegistry#standard()} (looked up on first use). */
    public TlJacksonModule() {
        this.registry = null;
    }

    /**
     * Creates the module over chosen schemas.
     *
     * @param registry the schemas whose objects it reads and names
     * @throws NullPointerException if {@code registry} is null
     */
    public TlJacksonModule(TlRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public String getModuleName() {
        return "mtproto-tl";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new TlSerializers());
        context.addDeserializers(new TlDeserializers(registry));
    }
}
