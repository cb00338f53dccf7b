package dev.mtproto.tl.generator.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Reads TL schema text such as Telegram's {@code api.tl} and {@code mtproto.tl}.
 *
 * <p>Supported: {@code //} comments, the {@code // LAYER N} marker, {@code ---types---} and
 * {@code ---functions---} sections, ids written as {@code name#1cb5c415} (computed as the CRC32 of the
 * normalized declaration when absent), type parameters {@code {X:Type}}, several {@code #} flags words,
 * optional fields {@code flags.N?T} and {@code flags2.N?true}, {@code Vector<T>}, bare {@code vector<T>},
 * bare types written {@code %T} or as a constructor name, {@code !X}, and the built-in declarations
 * ({@code vector {t:Type} # [ t ] = Vector t;}, {@code int ? = Int;}).
 *
 * <p>It reads Telegram's own {@code api.tl} as published, with no editing: blank lines between
 * declarations, ids without leading zeros ({@code #37c9330}), the {@code // LAYER N} marker as the last
 * line, and no declaration of the built-in {@code vector} (which is then added as
 * {@code vector#1cb5c415}, so that the registry still names its id).
 *
 * <p>Every problem is reported as a {@link TlSchemaParseException} naming the line, the column and what
 * is wrong. After parsing, every referenced type is checked to exist.
 */
public final class TlSchemaParser {

    /** Types the TL language itself provides; they need no declaration. */
    static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "string", "bytes", "int128", "int256", "true");
    /** Boxed types every schema may use without declaring them. */
    static final Set<String> IMPLICIT_BOXED = Set.of("Object", "Bool", "True");
    /** Declarations that describe built-ins; they are set aside instead of generated. */
    static final Set<String> BUILTIN_COMBINATORS = Set.of("boolFalse", "boolTrue", "true", "vector");
    /** The id of the built-in {@code vector {t:Type} # [ t ] = Vector t}, from its CRC32. */
    public static final int VECTOR_ID = 0x1cb5c415;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
    private static final Pattern CONDITION = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\.(\\d+)");

    private final String source;
    private final String text;
    private final List<TlToken> tokens;
    private int pos;

    private final List<TlCombinator> constructors = new ArrayList<>();
    private final List<TlCombinator> functions = new ArrayList<>();
    private final List<TlCombinator> builtins = new ArrayList<>();
    private final List<TlSchemaChecks.Reference> references = new ArrayList<>();
    private boolean usesVector;

    private TlSchemaParser(String source, String text, List<TlToken> tokens) {
        this.source = source;
        this.text = text;
        this.tokens = tokens;
    }

    /**
     * Parses a whole schema.
     *
     * @param source the file name used in messages
     * @param text the schema text
     * @return the schema
     * @throws TlSchemaParseException on any syntax error, duplicate id or name, bad flag reference or
     *     unknown type, naming the line and column
     */
    public static TlSchema parse(String source, String text) {
        TlLexer lexer = TlLexer.tokenize(source, text);
        TlSchemaParser parser = new TlSchemaParser(source, text, lexer.tokens());
        parser.parseAll();
        parser.addImplicitVector();
        TlSchemaChecks checks = new TlSchemaChecks(source, parser.constructors, parser.functions, parser.builtins);
        checks.checkReferences(parser.references);
        checks.checkUniqueness();
        Integer layer = lexer.layer();
        return new TlSchema(source, layer == null ? OptionalInt.empty() : OptionalInt.of(layer),
                parser.constructors, parser.functions, parser.builtins);
    }

    // ---------------------------------------------------------------- tokens

    private TlToken peek() {
        return tokens.get(pos);
    }

    private TlToken peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private TlToken next() {
        TlToken t = tokens.get(pos);
        if (t.kind() != TlToken.Kind.EOF) {
            pos++;
        }
        return t;
    }

    private TlToken expectPunct(String punct, String context) {
        TlToken t = next();
        if (!t.is(punct)) {
            throw error(t, "expected '" + punct + "' " + context + ", found " + t.describe());
        }
        return t;
    }

    private TlToken expectIdent(String what) {
        TlToken t = next();
        if (t.kind() != TlToken.Kind.IDENT) {
            throw error(t, "expected " + what + ", found " + t.describe());
        }
        return t;
    }

    private TlSchemaParseException error(TlToken at, String problem) {
        return new TlSchemaParseException(source, at.line(), at.column(), problem);
    }

    // ---------------------------------------------------------------- parser

    private void parseAll() {
        boolean functionSection = false;
        while (peek().kind() != TlToken.Kind.EOF) {
            TlToken t = peek();
            if (t.kind() == TlToken.Kind.SECTION) {
                next();
                functionSection = t.text().equals("---functions---");
                continue;
            }
            parseDeclaration(functionSection);
        }
    }

    /** Telegram's api.tl uses {@code Vector<T>} without declaring {@code vector}; the mtproto.tl page declares it. */
    private void addImplicitVector() {
        if (usesVector && builtins.stream().noneMatch(b -> b.name().equals("vector"))) {
            builtins.add(new TlCombinator("vector", VECTOR_ID, List.of("t"), List.of(),
                    new TlType.Vector(new TlType.TypeVariable("t", false), false), false, 0));
        }
    }

    private void parseDeclaration(boolean function) {
        TlToken nameToken = expectIdent("a combinator name");
        String name = nameToken.text();
        if (!NAME.matcher(name).matches()) {
            throw error(nameToken, "'" + name + "' is not a valid combinator name");
        }

        Integer id = null;
        if (peek().is("#") && peek().start() == nameToken.end()) {
            next();
            TlToken hex = next();
            if (hex.kind() != TlToken.Kind.IDENT || hex.start() != nameToken.end() + 1 || !hex.text().matches("[0-9a-fA-F]{1,8}")) {
                throw error(hex, "expected 1 to 8 hex digits of a constructor id right after '" + name + "#', found " + hex.describe());
            }
            id = (int) Long.parseLong(hex.text(), 16);
        }

        if (peek().is("?")) { // a built-in primitive such as "int ? = Int;"
            next();
            expectPunct("=", "in the built-in declaration of '" + name + "'");
            TlToken type = expectIdent("the built-in's type name");
            expectPunct(";", "at the end of the built-in declaration of '" + name + "'");
            builtins.add(new TlCombinator(name, id == null ? 0 : id, List.of(), List.of(),
                    new TlType.Named(type.text(), false), false, nameToken.line()));
            return;
        }

        List<String> typeParameters = new ArrayList<>();
        while (peek().is("{")) {
            next();
            TlToken var = expectIdent("a type variable name");
            expectPunct(":", "after type variable '" + var.text() + "'");
            TlToken kind = expectIdent("'Type'");
            if (!kind.text().equals("Type")) {
                throw error(kind, "type variable '" + var.text() + "' must be declared as {" + var.text() + ":Type}, found '" + kind.text() + "'");
            }
            expectPunct("}", "after {" + var.text() + ":Type");
            typeParameters.add(var.text());
        }

        List<TlParam> params = new ArrayList<>();
        Map<String, TlToken> seen = new HashMap<>();
        boolean builtinShape = false;
        while (!peek().is("=")) {
            TlToken t = peek();
            if (t.kind() == TlToken.Kind.EOF || t.is(";")) {
                throw error(t, "expected a field or '=' in the declaration of '" + name + "', found " + t.describe());
            }
            if (t.is("#") || t.is("[")) { // "# [ t ]" of the built-in vector declaration
                if (!name.equals("vector")) {
                    throw error(t, "anonymous '#' fields and '[ ... ]' repetitions are only supported in the built-in vector declaration");
                }
                builtinShape = true;
                next();
                if (t.is("[")) {
                    while (!peek().is("]")) {
                        if (peek().kind() == TlToken.Kind.EOF) {
                            throw error(peek(), "unterminated '[' repetition");
                        }
                        next();
                    }
                    next();
                }
                continue;
            }
            params.add(parseParam(name, typeParameters, params, seen));
        }
        next(); // '='

        TlType result = parseResultType(name, typeParameters, function);
        expectPunct(";", "at the end of the declaration of '" + name + "'");
        if (builtinShape && !typeParameters.contains("t")) {
            throw error(nameToken, "the built-in vector must be declared as vector {t:Type} # [ t ] = Vector t");
        }

        int finalId = id != null ? id : computeId(nameToken, tokens.get(pos - 1));
        TlCombinator combinator = new TlCombinator(name, finalId, typeParameters, params, result, function, nameToken.line());
        if (!function && BUILTIN_COMBINATORS.contains(name)) {
            builtins.add(combinator);
        } else if (function) {
            functions.add(combinator);
        } else {
            constructors.add(combinator);
        }
    }

    private TlParam parseParam(String combinator, List<String> typeParameters, List<TlParam> earlier, Map<String, TlToken> seen) {
        TlToken nameToken = expectIdent("a field name");
        String field = nameToken.text();
        if (!field.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw error(nameToken, "'" + field + "' is not a valid field name");
        }
        if (seen.putIfAbsent(field, nameToken) != null) {
            throw error(nameToken, "field '" + field + "' appears twice in '" + combinator + "'");
        }
        expectPunct(":", "after field name '" + field + "'");

        if (peek().is("#")) {
            next();
            return new TlParam(field, new TlType.FlagsWord(), null);
        }

        TlCondition condition = null;
        if (peek().kind() == TlToken.Kind.IDENT && peek(1).is("?")) {
            TlToken condToken = next();
            next(); // '?'
            Matcher m = CONDITION.matcher(condToken.text());
            if (!m.matches()) {
                throw error(condToken, "expected a condition such as flags.0 before '?', found '" + condToken.text() + "'");
            }
            String flagsField = m.group(1);
            int bit;
            try {
                bit = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                bit = 99;
            }
            if (bit > 31) {
                throw error(condToken, "flag bit " + m.group(2) + " of field '" + field + "' is out of range 0..31");
            }
            boolean declared = earlier.stream().anyMatch(p -> p.name().equals(flagsField) && p.isFlagsWord());
            if (!declared) {
                throw error(condToken, "field '" + field + "' depends on '" + flagsField + "', which is not an earlier '#' field of '" + combinator + "'");
            }
            condition = new TlCondition(flagsField, bit);
        }

        if (peek().is("!")) {
            TlToken bang = next();
            TlToken var = expectIdent("a type variable after '!'");
            if (!typeParameters.contains(var.text())) {
                throw error(var, "'!" + var.text() + "' uses a type variable that '" + combinator + "' does not declare with {" + var.text() + ":Type}");
            }
            if (condition != null) {
                throw error(bang, "a '!" + var.text() + "' field cannot be optional");
            }
            return new TlParam(field, new TlType.TypeVariable(var.text(), true), null);
        }

        TlType type = parseTypeExpr(typeParameters, "the type of field '" + field + "'");
        if (type instanceof TlType.Named named && named.name().equals("true") && condition == null) {
            throw error(nameToken, "field '" + field + "' has type 'true', which only makes sense as an optional flag (flags.N?true)");
        }
        return new TlParam(field, type, condition);
    }

    private TlType parseTypeExpr(List<String> typeParameters, String what) {
        boolean percent = false;
        if (peek().is("%")) {
            next();
            percent = true;
        }
        TlToken t = expectIdent(what);
        if (!NAME.matcher(t.text()).matches()) {
            throw error(t, "'" + t.text() + "' is not a valid type name");
        }
        if (peek().is("<")) {
            next();
            if (!t.text().equals("Vector") && !t.text().equals("vector")) {
                throw error(t, "only Vector<T> and vector<T> take a type argument, not '" + t.text() + "'");
            }
            TlType element = parseTypeExpr(typeParameters, "the element type of " + t.text());
            usesVector = true;
            expectPunct(">", "to close " + t.text() + "<" + element);
            return new TlType.Vector(element, t.text().equals("vector"));
        }
        if (t.text().equals("Vector") || t.text().equals("vector")) {
            throw error(t, t.text() + " needs an element type: " + t.text() + "<T>");
        }
        if (typeParameters.contains(t.text())) {
            return new TlType.TypeVariable(t.text(), false);
        }
        boolean bare = percent || (Character.isLowerCase(TlType.simpleName(t.text()).charAt(0)) && !PRIMITIVES.contains(t.text()));
        TlType.Named named = new TlType.Named(t.text(), bare);
        if (!PRIMITIVES.contains(t.text())) {
            references.add(new TlSchemaChecks.Reference(named, percent, t));
        }
        return named;
    }

    private TlType parseResultType(String combinator, List<String> typeParameters, boolean function) {
        TlToken first = peek();
        if (first.is("%")) {
            throw error(first, "the result type of '" + combinator + "' cannot be bare");
        }
        if (combinator.equals("vector") && peek().kind() == TlToken.Kind.IDENT && peek().text().equals("Vector") && peek(1).kind() == TlToken.Kind.IDENT) {
            next(); // the built-in's "Vector t" result
            TlToken arg = next();
            if (!typeParameters.contains(arg.text())) {
                throw error(arg, "the built-in vector's result must be 'Vector " + String.join("", typeParameters) + "'");
            }
            return new TlType.Vector(new TlType.TypeVariable(arg.text(), false), false);
        }
        TlType result = parseTypeExpr(typeParameters, "the result type of '" + combinator + "'");
        List<TlToken> extra = new ArrayList<>();
        while (peek().kind() == TlToken.Kind.IDENT) {
            extra.add(next());
        }
        if (!extra.isEmpty() && !combinator.equals("vector")) {
            throw error(extra.get(0), "unexpected '" + extra.get(0).text() + "' after the result type of '" + combinator + "', expected ';'");
        }
        if (!function) {
            if (!(result instanceof TlType.Named named) || Character.isLowerCase(TlType.simpleName(named.name()).charAt(0))) {
                throw error(first, "constructor '" + combinator + "' must build a boxed type (a capitalised name), found '" + result + "'");
            }
            references.removeIf(r -> r.type() == result);
        }
        return result;
    }

    /** Computes a missing id as TL does: CRC32 of the declaration with braces and angle brackets normalized. */
    private int computeId(TlToken from, TlToken semicolon) {
        String declaration = text.substring(from.start(), semicolon.start())
                .replace("{", "").replace("}", "")
                .replace("<", " ").replace(">", "")
                .replaceAll("\\s+", " ")
                .strip();
        CRC32 crc = new CRC32();
        crc.update(declaration.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
