package dev.mtproto.spring.autoconfigure.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code mtproto} health indicator.
 *
 * @param enabled whether to enable the mtproto health indicator
 * @param downAfter how long an account may be without its home DC connection before the health is DOWN
 *     (shorter outages, such as a reconnect, leave it UP)
 */
@ConfigurationProperties("management.health.mtproto")
public record MtprotoHealthProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration downAfter) {
}
