package dev.mtproto.tl.jackson;

import dev.mtproto.tl.TlJsonException;
import java.util.ArrayDeque;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where {@link JacksonTlReader} takes its tokens from: the input parser, or, for an object whose
 * {@code "_"} is not its first member, that object buffered as a tree and replayed without its
 * {@code "_"} (so that its constructor is known before its fields are read). Keeps track of object depth
 * to return to the input when a replayed object ends, and says where the current value is: its JSON
 * Pointer, and its line and column (those of the buffered object while replaying, since a tree has none).
 */
final class ReplayableTokens {

    /**
     * An object being read from a buffered tree.
     *
     * @param outer the parser to return to when the object ends (positioned on its {@code END_OBJECT})
     * @param depth the object depth of the buffered object
     * @param pointer the JSON Pointer of the buffered object, which the tree's own pointers are relative to
     * @param location where the buffered object starts in the input
     */
    private record Replay(JsonParser outer, int depth, String pointer, TokenStreamLocation location) {
    }

    private final DeserializationContext ctxt;
    private final ArrayDeque<Replay> replays = new ArrayDeque<>();
    private JsonParser p;
    private int depth;

    /**
     * @param p the input, positioned on the first token of the value
     * @param ctxt the deserialization context (for buffering trees)
     */
    ReplayableTokens(JsonParser p, DeserializationContext ctxt) {
        this.p = p;
        this.ctxt = ctxt;
    }

    /** @return the parser to read the current token from (it changes when a replay starts or ends) */
    JsonParser parser() {
        return p;
    }

    /** Counts an object just opened (its {@code START_OBJECT} was the current token). */
    void enterObject() {
        depth++;
    }

    /** Counts an object just closed (its {@code END_OBJECT} is the current token); a finished replay returns to the input. */
    void exitObject() {
        Replay replay = replays.peek();
        if (replay != null && replay.depth() == depth) {
            replays.pop();
            p = replay.outer();
        }
        depth--;
    }

    /**
     * Buffers the rest of the current object, whose first member is not {@code "_"}, and continues from the
     * buffer without its {@code "_"}: the next token is the buffered object's first member.
     *
     * @param t the current token: the first member's name, or the end of an empty object
     * @return what {@code "_"} held, or {@code null} when the object has none
     * @throws TlJsonException if {@code "_"} is not a string
     */
    String bufferWithoutTypeName(JsonToken t) {
        // on the first member the context is the object's own; on the end of an empty one, its parent's
        TokenStreamContext context = t == JsonToken.PROPERTY_NAME ? p.streamReadContext().getParent() : p.streamReadContext();
        String pointer = relativeToReplay(context.pathAsPointer().toString());
        Replay enclosing = replays.peek();
        TokenStreamLocation location = enclosing == null ? p.currentTokenLocation() : enclosing.location();
        ObjectNode node = ctxt.getNodeFactory().objectNode();
        while (t == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            p.nextToken();
            node.set(field, ctxt.readTree(p));
            t = p.nextToken();
        }
        JsonNode type = node.remove("_");
        if (type != null && !type.isString()) {
            throw new TlJsonException(pointer + "/_", location.getLineNr(), location.getColumnNr(),
                    "\"_\" must be a string naming a TL constructor, found " + type.getNodeType(), null);
        }
        JsonParser tree = node.traverse(ctxt);
        tree.nextToken();
        replays.push(new Replay(p, depth, pointer, location));
        p = tree;
        return type == null ? null : type.asString();
    }

    /** @return the JSON Pointer of the current value */
    String pointer() {
        return relativeToReplay(p.streamReadContext().pathAsPointer().toString());
    }

    private String relativeToReplay(String pointer) {
        Replay replay = replays.peek();
        return replay == null ? pointer : replay.pointer() + pointer;
    }

    /** @return the 1-based line of the current value (of the buffered object while replaying), or -1 */
    int line() {
        Replay replay = replays.peek();
        return replay == null ? p.currentTokenLocation().getLineNr() : replay.location().getLineNr();
    }

    /** @return the 1-based column of the current value (of the buffered object while replaying), or -1 */
    int column() {
        Replay replay = replays.peek();
        return replay == null ? p.currentTokenLocation().getColumnNr() : replay.location().getColumnNr();
    }
}
