/** The read-only {@code mtproto} Actuator endpoint: accounts, connections, update dispatch and handlers. */
@NullMarked
package dev.mtproto.spring.actuate;

import org.jspecify.annotations.NullMarked;
