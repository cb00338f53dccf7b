package dev.mtproto.spring.test;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/** Gives test classes annotated {@link MtprotoTest} their embedded Telegram (registered in {@code META-INF/spring.factories}). */
final class MtprotoTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        MergedAnnotation<MtprotoTest> test = MergedAnnotations.search(MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).from(testClass)
                .get(MtprotoTest.class);
        if (!test.isPresent()) {
            return null;
        }
        return new MtprotoTestContextCustomizer(test.getString("botUsername"), java.time.Duration.parse("PT" + test.getString("replyTimeout")));
    }
}
