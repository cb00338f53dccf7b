/** Auto-configuration of the Telegram accounts from {@code mtproto.*} properties, and the failure analyzers that explain bad ones. */
@NullMarked
package dev.mtproto.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
