package se.goteborg.vaksam.identity.login;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Staff accounts for browser logins. Only the demo has any for now. */
@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	@Bean
	InMemoryUserDetailsManager userDetailsService(@Value("${vaksam.demo.enabled:false}") boolean demo) {
		List<UserDetails> users = demo ? DemoUsers.all() : List.of();
		return new InMemoryUserDetailsManager(users);
	}

}
