package dev.querylens.demo.lessons;

import java.util.List;

/**
 * One technique of the tutorial: the problem, and the variants that show it, slow first.
 *
 * @param name the lesson's name in its URL, {@code /lessons/{name}}
 * @param title its title
 * @param django the Django ORM technique it is the Spring Data JPA edition of
 * @param problem the problem, in two sentences
 * @param takeaway what to do, in one or two sentences
 * @param variants the ways it is done, the slow one first
 * @param extra what the page shows besides the variants' numbers
 */
public record Lesson(String name, String title, String django, String problem, String takeaway, List<Variant> variants,
		Extra extra) {

	/**
	 * Finds a variant.
	 * @param name the variant's name
	 * @return the variant, or {@code null}
	 */
	public Variant variant(String name) {
		return this.variants.stream().filter((variant) -> variant.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * What a lesson page shows besides the variants' numbers.
	 */
	public enum Extra {

		/** Nothing more. */
		NONE,

		/** The EXPLAIN plan of each variant's statement. */
		EXPLAIN,

		/** Parallel increments, the slow way and the fast way. */
		RACE

	}

	/**
	 * One way of doing what the lesson teaches.
	 *
	 * @param name its name in the URL, {@code /lessons/{lesson}/{name}}: {@code slow},
	 * {@code fast} or another
	 * @param label a short label for the page
	 * @param code the Spring Data JPA code that makes the difference
	 * @param run runs it and returns its data
	 */
	public record Variant(String name, String label, String code, Run run) {

	}

	/**
	 * Runs a variant.
	 */
	@FunctionalInterface
	public interface Run {

		/**
		 * Runs the variant.
		 * @param measures where the variant reports what QueryLens cannot measure
		 * @return the data, equal for every variant of a lesson
		 * @throws Exception if it fails
		 */
		Object run(VariantMeasures measures) throws Exception;

	}

}
