/** Micrometer meters of the Telegram accounts: connections, traffic, flood waits, reconnects, updates and handlers. */
@NullMarked
package dev.mtproto.spring.metrics;

import org.jspecify.annotations.NullMarked;
