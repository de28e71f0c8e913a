package dev.querylens.analysis;

/**
 * A JPA association between two entities, such as {@code Order.customer}.
 *
 * @param entity the name of the entity that declares the attribute, e.g. {@code Order}
 * @param attribute the attribute's name, e.g. {@code customer}
 * @param collection whether the attribute is a collection ({@code @OneToMany},
 * {@code @ManyToMany}, {@code @ElementCollection})
 * @param targetEntity the entity (or element type) on the other side, e.g.
 * {@code Customer}
 * @param eager whether the mapping loads it with its owner ({@code FetchType.EAGER}, the
 * default of {@code @ManyToOne} and {@code @OneToOne}); known for to-ones only
 */
public record Association(String entity, String attribute, boolean collection, String targetEntity, boolean eager) {

	/**
	 * Creates an association that is not known to be EAGER.
	 * @param entity the name of the entity that declares the attribute
	 * @param attribute the attribute's name
	 * @param collection whether the attribute is a collection
	 * @param targetEntity the entity (or element type) on the other side
	 */
	public Association(String entity, String attribute, boolean collection, String targetEntity) {
		this(entity, attribute, collection, targetEntity, false);
	}

	/**
	 * Returns the association in {@code Entity.attribute} form.
	 * @return the name, e.g. {@code Order.customer}
	 */
	public String name() {
		return this.entity + "." + this.attribute;
	}

	@Override
	public String toString() {
		return name();
	}

}
