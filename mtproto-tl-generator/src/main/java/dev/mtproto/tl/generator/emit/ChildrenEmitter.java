package dev.mtproto.tl.generator.emit;

import dev.mtproto.tl.generator.model.ClassModel;
import dev.mtproto.tl.generator.model.FieldModel;
import dev.mtproto.tl.generator.model.JType;

/**
 * Writes {@code forEachChild(Consumer)} for a class whose fields hold TL objects: every object directly
 * inside (a field's value, the elements of a vector at any depth), absent optional fields skipped. Classes
 * without such fields keep {@code TlObject}'s empty default.
 */
final class ChildrenEmitter {
    private static final String V = "v$";

    private final ClassModel c;
    private final JavaSource src;

    ChildrenEmitter(ClassModel c, JavaSource src) {
        this.c = c;
        this.src = src;
    }

    /** Writes the method, if the class has fields with TL objects in them. */
    void write() {
        if (c.userFields().stream().noneMatch(f -> holdsObjects(f.type()))) {
            return;
        }
        src.line("@Override");
        src.open("public void forEachChild(java.util.function.Consumer<? super TlObject> " + V + ")");
        int depth = 0;
        for (FieldModel f : c.userFields()) {
            if (holdsObjects(f.type())) {
                visit(f.type(), "this." + f.javaName(), depth++);
            }
        }
        src.close().blank();
    }

    private void visit(JType type, String value, int depth) {
        switch (type.kind()) {
            case BOXED, BARE, METHOD_VARIABLE -> {
                src.open("if (" + value + " != null)");
                src.line(V + ".accept(" + value + ");");
                src.close();
            }
            case ANY_OBJECT -> {
                src.open("if (" + value + " instanceof TlObject)");
                src.line(V + ".accept((TlObject) " + value + ");");
                src.close();
            }
            case VECTOR -> {
                String element = "e" + depth + "$";
                src.open("if (" + value + " != null)");
                src.open("for (" + type.element().boxed() + " " + element + " : " + value + ")");
                visit(type.element(), element, depth + 1);
                src.close();
                src.close();
            }
            default -> throw new IllegalStateException("no TL objects in " + type);
        }
    }

    private static boolean holdsObjects(JType type) {
        if (type == null) {
            return false; // a true flag: no value
        }
        return switch (type.kind()) {
            case BOXED, BARE, ANY_OBJECT, METHOD_VARIABLE -> true;
            case VECTOR -> holdsObjects(type.element());
            default -> false;
        };
    }
}
