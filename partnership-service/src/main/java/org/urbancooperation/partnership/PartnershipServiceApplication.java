package org.urbancooperation.partnership;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Cities, partnerships, agreements and the programme indicators the other services feed. */
@SpringBootApplication
public class PartnershipServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnershipServiceApplication.class, args);
    }
}
