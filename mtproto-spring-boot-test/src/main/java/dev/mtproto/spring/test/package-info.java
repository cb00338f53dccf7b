/**
 * Testing Telegram bots built with the Boot starter: {@link dev.mtproto.spring.test.MtprotoTest} boots the
 * application against an {@link dev.mtproto.spring.test.EmbeddedTelegram}; {@link dev.mtproto.spring.test.TestUser}
 * talks to the bot.
 */
@NullMarked
package dev.mtproto.spring.test;

import org.jspecify.annotations.NullMarked;
