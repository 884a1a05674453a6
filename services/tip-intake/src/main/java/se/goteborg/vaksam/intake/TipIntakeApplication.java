package se.goteborg.vaksam.intake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Receives tips from the network's hotel staff and taxi drivers. */
@SpringBootApplication
public class TipIntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(TipIntakeApplication.class, args);
    }
}
