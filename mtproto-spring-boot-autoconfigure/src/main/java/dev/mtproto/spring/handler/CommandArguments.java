package dev.mtproto.spring.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter of an {@link UpdateHandler} method that takes the arguments of the message's bot command:
 * a {@code List<String>} (split on whitespace) or a {@code String} (as written). For {@code /start@mybot a b}:
 * {@code [a, b]} or {@code "a b"}; empty when the message has no command or no arguments.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommandArguments {
}
