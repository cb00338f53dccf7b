package dev.mtproto.tl.generator.schema;

import java.util.List;

/**
 * A constructor or a function of a TL schema.
 *
 * @param name the full name, with namespace ({@code messages.getHistory})
 * @param id the 32-bit constructor id
 * @param typeParameters names of the type variables declared with {@code {X:Type}}
 * @param params the fields, in wire order
 * @param result the result type: the type a constructor builds or a function returns
 * @param function whether this is a function (declared after {@code ---functions---})
 * @param line the 1-based line of the declaration, for messages
 */
public record TlCombinator(
        String name, int id, List<String> typeParameters, List<TlParam> params, TlType result, boolean function, int line) {

    public TlCombinator {
        typeParameters = List.copyOf(typeParameters);
        params = List.copyOf(params);
    }

    /** @return the id as eight lower-case hex digits */
    public String hexId() {
        return String.format("%08x", id);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('#').append(hexId());
        for (String t : typeParameters) {
            sb.append(" {").append(t).append(":Type}");
        }
        for (TlParam p : params) {
            sb.append(' ').append(p);
        }
        return sb.append(" = ").append(result).append(';').toString();
    }
}
