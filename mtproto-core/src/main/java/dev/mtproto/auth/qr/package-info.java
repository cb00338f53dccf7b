/**
 * QR codes for QR login (https://core.telegram.org/api/qr-login): an encoder of ISO/IEC 18004 model 2
 * symbols written for this library, and a renderer for terminals.
 *
 * <p>{@link dev.mtproto.auth.qr.QrCode#encode(String)} makes the smallest symbol (version 1 to 40) that
 * holds a text, for example the {@code tg://login?token=...} link, in one byte-mode segment at error
 * correction {@link dev.mtproto.auth.qr.ErrorCorrection#MEDIUM}, with Reed-Solomon blocks, all function
 * patterns, and the best of the eight masks. Data too long for version 40 is refused with a
 * {@link dev.mtproto.auth.qr.QrCodeTooLongException} that says how many bytes fit.
 * {@link dev.mtproto.auth.qr.UnicodeQr#render(dev.mtproto.auth.qr.QrCode, dev.mtproto.auth.qr.TerminalBackground)}
 * draws a code with Unicode half blocks and its quiet zone, for light or dark terminals.
 */
package dev.mtproto.auth.qr;
