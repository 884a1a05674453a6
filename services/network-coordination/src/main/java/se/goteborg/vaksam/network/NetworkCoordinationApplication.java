package se.goteborg.vaksam.network;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NetworkCoordinationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NetworkCoordinationApplication.class, args);
    }
}
