package se.goteborg.vaksam.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Routes every tip to the recipients the routing rules name, one alert per recipient. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AlertRoutingApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertRoutingApplication.class, args);
    }
}
