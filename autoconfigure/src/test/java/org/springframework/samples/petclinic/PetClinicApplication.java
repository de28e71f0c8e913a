package org.springframework.samples.petclinic;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application in a package that starts with {@code org.springframework.}, as Spring
 * PetClinic's is: its own frames must still be found as application code.
 */
@SpringBootApplication
public class PetClinicApplication {

}
