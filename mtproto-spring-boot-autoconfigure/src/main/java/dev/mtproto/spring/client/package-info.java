/** The application's Telegram accounts: {@link dev.mtproto.spring.client.TelegramClients}, their status, and the lifecycle that connects and signs them in. */
@NullMarked
package dev.mtproto.spring.client;

import org.jspecify.annotations.NullMarked;
