/** Auto-configuration of the {@code mtproto} health indicator. */
@NullMarked
package dev.mtproto.spring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
