package dev.mtproto.tl.generator.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    private static final Pattern LAYER = Pattern.compile("^//\\s*LAYER\\s+(\\d+)\\s*$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
    private static final Pattern CONDITION = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\.(\\d+)");

    private final String source;
    private final String text;
    private final List<Token> tokens;
    private int pos;
    private Integer layer;

    private final List<TlCombinator> constructors = new ArrayList<>();
    private final List<TlCombinator> functions = new ArrayList<>();
    private final List<TlCombinator> builtins = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    private TlSchemaParser(String source, String text) {
        this.source = source;
        this.text = text;
        this.tokens = new ArrayList<>();
        tokenize(text);
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
        TlSchemaParser parser = new TlSchemaParser(source, text);
        parser.parseAll();
        parser.checkReferences();
        parser.checkUniqueness();
        return new TlSchema(source, parser.layer == null ? OptionalInt.empty() : OptionalInt.of(parser.layer),
                parser.constructors, parser.functions, parser.builtins);
    }

    // ---------------------------------------------------------------- lexer

    private enum Kind { IDENT, PUNCT, SECTION, EOF }

    private record Token(Kind kind, String text, int line, int column, int start, int end) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        String describe() {
            return switch (kind) {
                case EOF -> "end of file";
                case SECTION -> "section marker '" + text + "'";
                default -> "'" + text + "'";
            };
        }
    }

    private void tokenize(String text) {
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = ++i;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int column = i - lineStart + 1;
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                if (end < 0) {
                    end = n;
                }
                Matcher m = LAYER.matcher(text.substring(i, end).strip());
                if (m.matches()) {
                    if (layer != null) {
                        throw new TlSchemaParseException(source, line, column, "a second LAYER marker (the first said " + layer + ")");
                    }
                    layer = Integer.parseInt(m.group(1));
                }
                i = end;
                continue;
            }
            if (c == '-' && text.startsWith("---", i)) {
                int close = text.indexOf("---", i + 3);
                int eol = text.indexOf('\n', i);
                if (close < 0 || (eol >= 0 && close > eol)) {
                    throw new TlSchemaParseException(source, line, column, "unterminated section marker, expected ---types--- or ---functions---");
                }
                String section = text.substring(i, close + 3);
                if (!section.equals("---types---") && !section.equals("---functions---")) {
                    throw new TlSchemaParseException(source, line, column, "unknown section marker '" + section + "', expected ---types--- or ---functions---");
                }
                tokens.add(new Token(Kind.SECTION, section, line, column, i, close + 3));
                i = close + 3;
                continue;
            }
            if (isIdentChar(c)) {
                int start = i;
                while (i < n && isIdentChar(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, text.substring(start, i), line, column, start, i));
                continue;
            }
            if (":?!%<>{}[]=;#".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line, column, i, i + 1));
                i++;
                continue;
            }
            throw new TlSchemaParseException(source, line, column, "unexpected character '" + c + "'");
        }
        tokens.add(new Token(Kind.EOF, "", line, i - lineStart + 1, n, n));
    }

    private static boolean isIdentChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private Token expectPunct(String punct, String context) {
        Token t = next();
        if (!t.is(punct)) {
            throw error(t, "expected '" + punct + "' " + context + ", found " + t.describe());
        }
        return t;
    }

    private Token expectIdent(String what) {
        Token t = next();
        if (t.kind != Kind.IDENT) {
            throw error(t, "expected " + what + ", found " + t.describe());
        }
        return t;
    }

    private TlSchemaParseException error(Token at, String problem) {
        return new TlSchemaParseException(source, at.line, at.column, problem);
    }

    // ---------------------------------------------------------------- parser

    private void parseAll() {
        boolean functionSection = false;
        while (peek().kind != Kind.EOF) {
            Token t = peek();
            if (t.kind == Kind.SECTION) {
                next();
                functionSection = t.text.equals("---functions---");
                continue;
            }
            parseDeclaration(functionSection);
        }
    }

    private void parseDeclaration(boolean function) {
        Token nameToken = expectIdent("a combinator name");
        String name = nameToken.text;
        if (!NAME.matcher(name).matches()) {
            throw error(nameToken, "'" + name + "' is not a valid combinator name");
        }

        Integer id = null;
        if (peek().is("#") && peek().start == nameToken.end) {
            next();
            Token hex = next();
            if (hex.kind != Kind.IDENT || hex.start != nameToken.end + 1 || !hex.text.matches("[0-9a-fA-F]{1,8}")) {
                throw error(hex, "expected 1 to 8 hex digits of a constructor id right after '" + name + "#', found " + hex.describe());
            }
            id = (int) Long.parseLong(hex.text, 16);
        }

        if (peek().is("?")) { // a built-in primitive such as "int ? = Int;"
            next();
            expectPunct("=", "in the built-in declaration of '" + name + "'");
            Token type = expectIdent("the built-in's type name");
            expectPunct(";", "at the end of the built-in declaration of '" + name + "'");
            builtins.add(new TlCombinator(name, id == null ? 0 : id, List.of(), List.of(),
                    new TlType.Named(type.text, false), false, nameToken.line));
            return;
        }

        List<String> typeParameters = new ArrayList<>();
        while (peek().is("{")) {
            next();
            Token var = expectIdent("a type variable name");
            expectPunct(":", "after type variable '" + var.text + "'");
            Token kind = expectIdent("'Type'");
            if (!kind.text.equals("Type")) {
                throw error(kind, "type variable '" + var.text + "' must be declared as {" + var.text + ":Type}, found '" + kind.text + "'");
            }
            expectPunct("}", "after {" + var.text + ":Type");
            typeParameters.add(var.text);
        }

        List<TlParam> params = new ArrayList<>();
        Map<String, Token> seen = new HashMap<>();
        boolean builtinShape = false;
        while (!peek().is("=")) {
            Token t = peek();
            if (t.kind == Kind.EOF || t.is(";")) {
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
                        if (peek().kind == Kind.EOF) {
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
        TlCombinator combinator = new TlCombinator(name, finalId, typeParameters, params, result, function, nameToken.line);
        if (!function && BUILTIN_COMBINATORS.contains(name)) {
            builtins.add(combinator);
        } else if (function) {
            functions.add(combinator);
        } else {
            constructors.add(combinator);
        }
    }

    private TlParam parseParam(String combinator, List<String> typeParameters, List<TlParam> earlier, Map<String, Token> seen) {
        Token nameToken = expectIdent("a field name");
        String field = nameToken.text;
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
        if (peek().kind == Kind.IDENT && peek(1).is("?")) {
            Token condToken = next();
            next(); // '?'
            Matcher m = CONDITION.matcher(condToken.text);
            if (!m.matches()) {
                throw error(condToken, "expected a condition such as flags.0 before '?', found '" + condToken.text + "'");
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
            Token bang = next();
            Token var = expectIdent("a type variable after '!'");
            if (!typeParameters.contains(var.text)) {
                throw error(var, "'!" + var.text + "' uses a type variable that '" + combinator + "' does not declare with {" + var.text + ":Type}");
            }
            if (condition != null) {
                throw error(bang, "a '!" + var.text + "' field cannot be optional");
            }
            return new TlParam(field, new TlType.TypeVariable(var.text, true), null);
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
        Token t = expectIdent(what);
        if (!NAME.matcher(t.text).matches()) {
            throw error(t, "'" + t.text + "' is not a valid type name");
        }
        if (peek().is("<")) {
            next();
            if (!t.text.equals("Vector") && !t.text.equals("vector")) {
                throw error(t, "only Vector<T> and vector<T> take a type argument, not '" + t.text + "'");
            }
            TlType element = parseTypeExpr(typeParameters, "the element type of " + t.text);
            expectPunct(">", "to close " + t.text + "<" + element);
            return new TlType.Vector(element, t.text.equals("vector"));
        }
        if (t.text.equals("Vector") || t.text.equals("vector")) {
            throw error(t, t.text + " needs an element type: " + t.text + "<T>");
        }
        if (typeParameters.contains(t.text)) {
            return new TlType.TypeVariable(t.text, false);
        }
        boolean bare = percent || (Character.isLowerCase(TlType.simpleName(t.text).charAt(0)) && !PRIMITIVES.contains(t.text));
        TlType.Named named = new TlType.Named(t.text, bare);
        if (!PRIMITIVES.contains(t.text)) {
            references.add(new Reference(named, percent, t));
        }
        return named;
    }

    private TlType parseResultType(String combinator, List<String> typeParameters, boolean function) {
        Token first = peek();
        if (first.is("%")) {
            throw error(first, "the result type of '" + combinator + "' cannot be bare");
        }
        if (combinator.equals("vector") && peek().kind == Kind.IDENT && peek().text.equals("Vector") && peek(1).kind == Kind.IDENT) {
            next(); // the built-in's "Vector t" result
            Token arg = next();
            if (!typeParameters.contains(arg.text)) {
                throw error(arg, "the built-in vector's result must be 'Vector " + String.join("", typeParameters) + "'");
            }
            return new TlType.Vector(new TlType.TypeVariable(arg.text, false), false);
        }
        TlType result = parseTypeExpr(typeParameters, "the result type of '" + combinator + "'");
        List<Token> extra = new ArrayList<>();
        while (peek().kind == Kind.IDENT) {
            extra.add(next());
        }
        if (!extra.isEmpty() && !combinator.equals("vector")) {
            throw error(extra.get(0), "unexpected '" + extra.get(0).text + "' after the result type of '" + combinator + "', expected ';'");
        }
        if (!function) {
            if (!(result instanceof TlType.Named named) || Character.isLowerCase(TlType.simpleName(named.name()).charAt(0))) {
                throw error(first, "constructor '" + combinator + "' must build a boxed type (a capitalised name), found '" + result + "'");
            }
            references.removeIf(r -> r.type == result);
        }
        return result;
    }

    /** Computes a missing id as TL does: CRC32 of the declaration with braces and angle brackets normalized. */
    private int computeId(Token from, Token semicolon) {
        String declaration = text.substring(from.start, semicolon.start)
                .replace("{", "").replace("}", "")
                .replace("<", " ").replace(">", "")
                .replaceAll("\\s+", " ")
                .strip();
        CRC32 crc = new CRC32();
        crc.update(declaration.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    // ---------------------------------------------------------------- checks

    private record Reference(TlType.Named type, boolean percent, Token at) {
    }

    private void checkReferences() {
        Map<String, List<TlCombinator>> byType = new HashMap<>();
        Set<String> constructorNames = new HashSet<>();
        for (TlCombinator c : constructors) {
            byType.computeIfAbsent(((TlType.Named) c.result()).name(), k -> new ArrayList<>()).add(c);
            constructorNames.add(c.name());
        }
        for (TlCombinator c : builtins) {
            if (c.result() instanceof TlType.Named named) {
                byType.computeIfAbsent(named.name(), k -> new ArrayList<>());
            }
        }
        for (Reference ref : references) {
            String name = ref.type.name();
            if (ref.percent) {
                List<TlCombinator> ctors = byType.get(name);
                if (ctors == null) {
                    throw error(ref.at, "unknown type '%" + name + "'");
                }
                if (ctors.size() != 1) {
                    throw error(ref.at, "'%" + name + "' is bare, so type '" + name + "' must have exactly one constructor, but it has " + ctors.size());
                }
            } else if (ref.type.bare()) {
                if (!constructorNames.contains(name)) {
                    throw error(ref.at, "unknown constructor '" + name + "' used as a bare type");
                }
            } else if (!byType.containsKey(name) && !IMPLICIT_BOXED.contains(name)) {
                throw error(ref.at, "unknown type '" + name + "'");
            }
        }
    }

    private void checkUniqueness() {
        Map<Integer, TlCombinator> ids = new HashMap<>();
        Map<String, TlCombinator> names = new HashMap<>();
        List<TlCombinator> all = new ArrayList<>(builtins);
        all.addAll(constructors);
        all.addAll(functions);
        for (TlCombinator c : all) {
            if (c.params().isEmpty() && c.id() == 0 && builtins.contains(c)) {
                continue; // "int ? = Int;" forms carry no id
            }
            TlCombinator clash = ids.putIfAbsent(c.id(), c);
            if (clash != null) {
                throw new TlSchemaParseException(source, c.line(), 1,
                        "id #" + c.hexId() + " of '" + c.name() + "' is already used by '" + clash.name() + "' on line " + clash.line());
            }
            String key = (c.function() ? "function " : "constructor ") + c.name();
            TlCombinator twin = names.putIfAbsent(key, c);
            if (twin != null) {
                throw new TlSchemaParseException(source, c.line(), 1, key + " is declared twice (first on line " + twin.line() + ")");
            }
        }
    }
}
