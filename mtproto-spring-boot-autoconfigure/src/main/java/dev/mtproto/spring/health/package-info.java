/** The {@code mtproto} health indicator: whether every account is signed in and connected. */
@NullMarked
package dev.mtproto.spring.health;

import org.jspecify.annotations.NullMarked;
