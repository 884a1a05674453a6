package se.goteborg.vaksam.inbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AlertInboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertInboxApplication.class, args);
    }
}
