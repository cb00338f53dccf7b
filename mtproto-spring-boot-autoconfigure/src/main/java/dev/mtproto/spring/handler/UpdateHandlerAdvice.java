package dev.mtproto.spring.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a bean whose {@link UpdateExceptionHandler} methods apply to every {@link UpdateHandler} of the
 * application (after those in the handler's own class). Is a {@link Component}, so it is found by scanning.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface UpdateHandlerAdvice {
}
