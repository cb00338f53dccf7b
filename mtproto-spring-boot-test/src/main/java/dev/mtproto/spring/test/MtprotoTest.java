package dev.mtproto.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * Boots the application ({@code @SpringBootTest}) against an embedded Telegram on 127.0.0.1 instead of
 * Telegram's DCs: its account signs in as a test bot, and the test gets an {@link EmbeddedTelegram} bean to
 * create scripted users that talk to it.
 *
 * <pre>{@code
 * @MtprotoTest
 * class StartCommandTest {
 *     @Autowired EmbeddedTelegram telegram;
 *
 *     @Test
 *     void greets() {
 *         TestUser alice = telegram.user("Alice");
 *         assertThat(alice.send("/start").expectReply().text()).isEqualTo("Hello, Alice!");
 *     }
 * }
 * }</pre>
 *
 * <p>One embedded Telegram serves every test class with the same {@link #botUsername()} in a JVM, as Spring's
 * context cache shares the application; each {@link EmbeddedTelegram#user} is a new person, so tests do not
 * see each other's chats.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
public @interface MtprotoTest {

    /** @return further properties, {@code name=value} (as {@code @SpringBootTest#properties}) */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /** @return the username of the bot the application signs in as */
    String botUsername() default "test_bot";

    /** @return how long {@link TestUser#expectReply()} waits, as a {@link java.time.Duration} text */
    String replyTimeout() default "10s";
}
