package dev.mtproto.auth.qr;

/**
 * The background colour of the terminal a {@link UnicodeQr} is printed on. Block characters are drawn in
 * the text colour, so what they stand for depends on it: on a light background blocks are the dark
 * modules; on a dark background blocks are the light modules (and the quiet zone), which inverts the
 * picture back to dark-on-light as scanners want it.
 */
public enum TerminalBackground {
    /** Dark text on a light background: the dark modules are printed as blocks. */
    LIGHT,
    /** Light text on a dark background: the light modules and the quiet zone are printed as blocks. */
    DARK
}
