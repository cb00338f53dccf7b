package dev.mtproto.spring.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ExceptionDepthComparator;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/** The {@link UpdateExceptionHandler} methods of one bean, by the exception types they handle. */
final class ExceptionHandlerMethods {
    private final Map<Class<? extends Throwable>, InvocableHandlerMethod> byType;

    private ExceptionHandlerMethods(Map<Class<? extends Throwable>, InvocableHandlerMethod> byType) {
        this.byType = byType;
    }

    static ExceptionHandlerMethods none() {
        return new ExceptionHandlerMethods(Map.of());
    }

    /**
     * @param bean a bean
     * @param resolvers the handlers' argument resolvers
     * @return its exception handler methods
     * @throws IllegalStateException if one names no exception type, or two handle the same type
     */
    static ExceptionHandlerMethods of(Object bean, HandlerMethodArgumentResolverComposite resolvers) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, UpdateExceptionHandler> methods = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<UpdateExceptionHandler>) m -> AnnotatedElementUtils.findMergedAnnotation(m, UpdateExceptionHandler.class));
        Map<Class<? extends Throwable>, InvocableHandlerMethod> byType = new LinkedHashMap<>();
        for (Map.Entry<Method, UpdateExceptionHandler> e : methods.entrySet()) {
            Method method = AopUtils.selectInvocableMethod(e.getKey(), bean.getClass());
            InvocableHandlerMethod invocable = new InvocableHandlerMethod(bean, method);
            invocable.setMessageMethodArgumentResolvers(resolvers);
            for (Class<? extends Throwable> handled : handledTypes(e.getKey(), e.getValue())) {
                InvocableHandlerMethod before = byType.putIfAbsent(handled, invocable);
                if (before != null) {
                    throw new IllegalStateException("two @UpdateExceptionHandler methods of " + type.getName() + " handle " + handled.getName() + ": "
                            + before.getMethod().getName() + " and " + method.getName());
                }
            }
        }
        return new ExceptionHandlerMethods(byType);
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>> handledTypes(Method method, UpdateExceptionHandler spec) {
        List<Class<? extends Throwable>> types = new ArrayList<>(List.of(spec.value()));
        if (types.isEmpty()) {
            for (Class<?> p : method.getParameterTypes()) {
                if (Throwable.class.isAssignableFrom(p)) {
                    types.add((Class<? extends Throwable>) p);
                }
            }
        }
        if (types.isEmpty()) {
            throw new IllegalStateException("@UpdateExceptionHandler method " + method.toGenericString()
                    + " names no exception type: list them in the annotation or take the exception as a parameter");
        }
        return types;
    }

    /**
     * @param error a handler's exception
     * @return the method for the closest type it is an instance of
     */
    Optional<InvocableHandlerMethod> find(Throwable error) {
        if (byType.isEmpty()) {
            return Optional.empty();
        }
        List<Class<? extends Throwable>> matches = new ArrayList<>();
        for (Class<? extends Throwable> t : byType.keySet()) {
            if (t.isInstance(error)) {
                matches.add(t);
            }
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        matches.sort(new ExceptionDepthComparator(error));
        return Optional.of(byType.get(matches.get(0)));
    }

    Set<Class<? extends Throwable>> types() {
        return byType.keySet();
    }
}
