package dev.mtproto.spring.handler;

import dev.mtproto.telegram.TelegramUpdate;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.handler.annotation.support.HeaderMethodArgumentResolver;
import org.springframework.messaging.handler.annotation.support.HeadersMethodArgumentResolver;
import org.springframework.messaging.handler.annotation.support.PayloadMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * Turns annotated methods into {@link UpdateHandlerEndpoint}s: the argument resolvers (this project's, then
 * spring-messaging's {@code @Header}, {@code @Headers} and {@code @Payload}, then any of the application's
 * {@link HandlerMethodArgumentResolver} beans), the kind of update, the filters, and the checks that fail the
 * start for a method that cannot work.
 */
public final class HandlerMethods {
    private static final org.springframework.core.ParameterNameDiscoverer NAMES = new org.springframework.core.DefaultParameterNameDiscoverer();

    private final HandlerMethodArgumentResolverComposite resolvers = new HandlerMethodArgumentResolverComposite();
    private final ListableBeanFactory beans;

    /**
     * @param beans where filter beans are looked up
     * @param conversions converts placeholder values and headers
     * @param custom the application's own resolvers, asked before the built-in ones
     */
    public HandlerMethods(ListableBeanFactory beans, ConversionService conversions, List<HandlerMethodArgumentResolver> custom) {
        this.beans = beans;
        resolvers.addResolvers(custom);
        resolvers.addResolver(new UpdateArgumentResolver());
        resolvers.addResolver(new AccountArgumentResolver());
        resolvers.addResolver(new ChatArgumentResolver());
        resolvers.addResolver(new TextArgumentResolver(conversions));
        resolvers.addResolver(new HeaderMethodArgumentResolver(conversions, null));
        resolvers.addResolver(new HeadersMethodArgumentResolver());
        resolvers.addResolver(new PayloadMethodArgumentResolver(new SimpleMessageConverter()));
    }

    UpdateHandlerEndpoint endpoint(Object bean, Method method, UpdateHandler spec, ExceptionHandlerMethods exceptionHandlers) {
        String id = spec.id().isEmpty() ? method.getDeclaringClass().getSimpleName() + "." + method.getName() : spec.id();
        try {
            Replies.check(method);
            Class<? extends TelegramUpdate> kind = UpdateKinds.of(method);
            UpdateMatcher matcher = new UpdateMatcher(spec, filters(spec));
            checkParameters(method, matcher);
            InvocableHandlerMethod invocable = new InvocableHandlerMethod(bean, method);
            invocable.setMessageMethodArgumentResolvers(resolvers);
            return new UpdateHandlerEndpoint(id, kind, matcher, invocable, exceptionHandlers);
        } catch (RuntimeException e) {
            throw new IllegalStateException("@UpdateHandler method " + method.toGenericString() + " cannot be used: " + e.getMessage(), e);
        }
    }

    ExceptionHandlerMethods exceptionHandlers(Object bean) {
        return ExceptionHandlerMethods.of(bean, resolvers);
    }

    private void checkParameters(Method method, UpdateMatcher matcher) {
        for (int i = 0; i < method.getParameterCount(); i++) {
            MethodParameter p = new MethodParameter(method, i);
            p.initParameterNameDiscovery(NAMES);
            if (!resolvers.supportsParameter(p)) {
                throw new IllegalArgumentException("nothing supplies parameter " + i + " (" + p.getGenericParameterType().getTypeName()
                        + "): take the update or its view, the chat (ChatRef), the sender (User), the text (String), @CommandArguments, "
                        + "@UpdateVariable, the client, or a @Header");
            }
            UpdateVariable v = p.getParameterAnnotation(UpdateVariable.class);
            if (v != null) {
                String name = v.value().isEmpty() ? p.getParameterName() : v.value();
                if (name == null) {
                    throw new IllegalArgumentException("parameter " + i + " takes a placeholder but its name is not in the class file: name it, "
                            + "@UpdateVariable(\"item\"), or compile with -parameters");
                }
                if (!matcher.variables().contains(name)) {
                    throw new IllegalArgumentException("parameter " + i + " takes placeholder {" + name + "}, which the pattern does not have (it has "
                            + matcher.variables() + ")");
                }
            }
        }
    }

    private List<UpdateFilter> filters(UpdateHandler spec) {
        List<UpdateFilter> filters = new ArrayList<>();
        for (Class<? extends UpdateFilter> type : spec.filters()) {
            try {
                filters.add(beans.getBean(type));
            } catch (NoSuchBeanDefinitionException e) {
                filters.add(BeanUtils.instantiateClass(type));
            }
        }
        return filters;
    }
}
