package dev.mtproto.spring.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that handles exceptions thrown by {@link UpdateHandler} methods: of its own class, or of every
 * class if it sits in a bean annotated {@link UpdateHandlerAdvice}. The closest match by exception type wins,
 * the handler's own class before advice. It takes the same parameters as an update handler plus the exception,
 * and may return a reply the same way ({@code return "Sorry, that failed"}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UpdateExceptionHandler {
    /** @return exception types handled; empty: those of the method's {@code Throwable} parameters */
    Class<? extends Throwable>[] value() default {};
}
