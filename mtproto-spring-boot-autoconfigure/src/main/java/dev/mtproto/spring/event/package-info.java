/** Updates as application events ({@link dev.mtproto.spring.event.MtprotoUpdateEvent}). */
@NullMarked
package dev.mtproto.spring.event;

import org.jspecify.annotations.NullMarked;
