package dev.mtproto.testkit.layers;

/** An object one layer has that another cannot express at all: a function it does not have. */
final class LayerTranslationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LayerTranslationException(String message) {
        super(message);
    }
}
