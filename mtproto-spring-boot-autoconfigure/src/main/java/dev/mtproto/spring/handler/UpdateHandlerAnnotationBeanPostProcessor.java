package dev.mtproto.spring.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds the {@link UpdateHandler} methods of every bean as it is initialised, and once every singleton exists
 * registers them (and the {@link UpdateHandlerAdvice} beans' exception handlers) with the
 * {@link UpdateHandlerRegistry}. A method that cannot work (a parameter nothing supplies, a return type
 * nothing acts on, a bad pattern) fails the application's start, naming the method.
 */
public final class UpdateHandlerAnnotationBeanPostProcessor implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {
    private final Set<Class<?>> withoutHandlers = ConcurrentHashMap.newKeySet();
    private final List<Found> found = new ArrayList<>();
    private ListableBeanFactory beanFactory;

    private record Found(Object bean, String beanName, Method method, UpdateHandler spec) {
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> type = AopUtils.getTargetClass(bean);
        if (withoutHandlers.contains(type) || !AnnotationUtils.isCandidateClass(type, UpdateHandler.class)) {
            return bean;
        }
        Map<Method, UpdateHandler> methods = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<UpdateHandler>) m -> AnnotatedElementUtils.findMergedAnnotation(m, UpdateHandler.class));
        if (methods.isEmpty()) {
            withoutHandlers.add(type);
            return bean;
        }
        synchronized (found) {
            methods.forEach((m, spec) -> found.add(new Found(bean, beanName, AopUtils.selectInvocableMethod(m, bean.getClass()), spec)));
        }
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        UpdateHandlerRegistry registry = beanFactory.getBean(UpdateHandlerRegistry.class);
        HandlerMethods methods = beanFactory.getBean(HandlerMethods.class);
        List<Found> all;
        synchronized (found) {
            all = List.copyOf(found);
            found.clear();
        }
        Map<Object, ExceptionHandlerMethods> local = new java.util.IdentityHashMap<>();
        for (Found f : all) {
            ExceptionHandlerMethods handlers = local.computeIfAbsent(f.bean(), methods::exceptionHandlers);
            registry.register(methods.endpoint(f.bean(), f.method(), f.spec(), handlers));
        }
        for (Object advice : beanFactory.getBeansWithAnnotation(UpdateHandlerAdvice.class).values()) {
            registry.registerAdvice(methods.exceptionHandlers(advice));
        }
    }
}
