/** Auto-configuration of {@code @UpdateHandler} dispatch. */
@NullMarked
package dev.mtproto.spring.autoconfigure.handler;

import org.jspecify.annotations.NullMarked;
