/** {@link dev.mtproto.spring.handler.UpdateHandler} methods: discovery, filters, argument resolution, replies, exception handlers, and the dispatcher lifecycle. */
@NullMarked
package dev.mtproto.spring.handler;

import org.jspecify.annotations.NullMarked;
