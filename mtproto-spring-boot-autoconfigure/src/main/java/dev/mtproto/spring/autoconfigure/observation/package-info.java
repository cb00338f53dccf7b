/** Auto-configuration of the RPC observations. */
@NullMarked
package dev.mtproto.spring.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
