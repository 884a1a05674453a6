package se.goteborg.vaksam.testsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A service's clock as a {@link MutableClock} the test moves: {@code @Import(MutableClockConfiguration.class)} on
 * the test, or among {@code @SpringBootTest(classes = ...)}. The services' own {@code Clock} bean gives way to it.
 */
@Configuration(proxyBeanMethods = false)
public class MutableClockConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
