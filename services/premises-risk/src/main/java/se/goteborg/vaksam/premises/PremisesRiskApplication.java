package se.goteborg.vaksam.premises;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Checks the premises of every tip against the city's register of commercial lettings. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PremisesRiskApplication {

    public static void main(String[] args) {
        SpringApplication.run(PremisesRiskApplication.class, args);
    }
}
