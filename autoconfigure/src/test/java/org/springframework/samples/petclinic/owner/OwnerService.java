package org.springframework.samples.petclinic.owner;

import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.util.function.SupplierUtils;

/**
 * The service between the controller and the repository, so a call path has three
 * application frames.
 */
@Service
public class OwnerService {

	private final OwnerRepository owners;

	public OwnerService(OwnerRepository owners) {
		this.owners = owners;
	}

	public String describe(String name) {
		return name + ": " + this.owners.countTables(name);
	}

	/**
	 * Calls the given code through a Spring class, as application code calls a framework
	 * that calls back.
	 * @param <T> the result type
	 * @param code what Spring calls
	 * @return its result
	 */
	public static <T> T throughSpring(Supplier<T> code) {
		return SupplierUtils.resolve(code);
	}

}
