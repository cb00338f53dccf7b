/** Auto-configuration of the {@code mtproto} Actuator endpoint. */
@NullMarked
package dev.mtproto.spring.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
