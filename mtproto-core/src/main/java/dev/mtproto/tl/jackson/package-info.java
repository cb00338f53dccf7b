/**
 * Jackson 3 support for the generated TL types: {@link dev.mtproto.tl.jackson.TlJacksonModule}. The only
 * package of {@code mtproto-core} that uses Jackson, which is an optional dependency.
 */
package dev.mtproto.tl.jackson;
