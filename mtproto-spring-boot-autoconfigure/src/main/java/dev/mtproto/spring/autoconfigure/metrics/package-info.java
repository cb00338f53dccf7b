/** Auto-configuration of the accounts' Micrometer meters. */
@NullMarked
package dev.mtproto.spring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
