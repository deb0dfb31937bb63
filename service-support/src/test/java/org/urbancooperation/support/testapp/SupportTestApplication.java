package org.urbancooperation.support.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on the platform plumbing, to test the plumbing as services use it. */
@SpringBootApplication
public class SupportTestApplication {
}
