package dev.mtproto.spring.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter of an {@link UpdateHandler} method that takes a {@code {name}} placeholder of its pattern,
 * converted to the parameter's type ({@code String}, {@code int}, {@code long}, an enum...).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UpdateVariable {
    /** @return the placeholder's name; empty: the parameter's name */
    String value() default "";
}
