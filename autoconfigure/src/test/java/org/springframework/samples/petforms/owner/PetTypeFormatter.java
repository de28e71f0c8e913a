package org.springframework.samples.petforms.owner;

import java.text.ParseException;
import java.util.Locale;
import java.util.Objects;

import org.springframework.format.Formatter;

/**
 * PetClinic's formatter: prints a type as its name and parses a name by asking the
 * repository for every type, so each call of {@link #parse} runs a query. Spring calls it
 * for each {@code <option>} of a {@code th:field} select that is not the bound value, to
 * compare it with that value.
 */
public class PetTypeFormatter implements Formatter<PetType> {

	private final PetTypeRepository types;

	public PetTypeFormatter(PetTypeRepository types) {
		this.types = types;
	}

	@Override
	public String print(PetType petType, Locale locale) {
		return Objects.requireNonNullElse(petType.getName(), "<null>");
	}

	@Override
	public PetType parse(String text, Locale locale) throws ParseException {
		for (PetType type : this.types.findPetTypes()) {
			if (Objects.equals(type.getName(), text)) {
				return type;
			}
		}
		throw new ParseException("type not found: " + text, 0);
	}

}
