package dev.querylens.analysis;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.IdentifiableType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;

/**
 * Names the association behind a SELECT from the JPA metamodel: approximates Hibernate's
 * loader SQL by matching the statement's main table and the key column of its
 * {@code WHERE} against the tables and columns the mapping implies. The only QueryLens
 * type that touches {@code jakarta.persistence}.
 * <p>
 * Table and column names come from {@code @Table}, {@code @Column}, {@code @JoinColumn},
 * {@code @JoinTable} and {@code @CollectionTable} where present, otherwise from the
 * entity and attribute names both as Spring Boot's physical naming writes them
 * ({@code OrderItem} becomes {@code order_item}) and as plain Hibernate does
 * ({@code orderitem} once lower-cased). A to-one load is a SELECT from the target's table
 * by its id; a collection load is a SELECT from the element's (or join) table by the
 * foreign key. When several associations match, the one whose owner's table appeared most
 * recently in the earlier statements wins, otherwise the first by entity and attribute
 * name.
 */
public final class JpaAssociationResolver implements AssociationResolver {

	private static final Set<String> NOT_AN_ALIAS = Set.of("where", "join", "left", "right", "inner", "outer", "cross",
			"full", "natural", "order", "group", "limit", "fetch", "offset", "for", "union", "on", "as", "having",
			"window", "");

	private static final Comparator<Association> BY_NAME = Comparator.comparing(Association::entity)
		.thenComparing(Association::attribute);

	// table -> key column -> associations whose load selects from that table by that
	// column
	private final Map<String, Map<String, List<Association>>> associations = new HashMap<>();

	private final Map<String, Set<String>> tablesByEntity = new HashMap<>();

	/**
	 * Creates a resolver from a persistence unit's metamodel.
	 * @param metamodel the metamodel, e.g. {@code entityManagerFactory.getMetamodel()}
	 */
	public JpaAssociationResolver(Metamodel metamodel) {
		Map<Class<?>, EntityType<?>> entities = new HashMap<>();
		for (EntityType<?> entity : metamodel.getEntities()) {
			entities.put(entity.getJavaType(), entity);
			this.tablesByEntity.put(entity.getName(), tables(entity));
		}
		for (EntityType<?> entity : metamodel.getEntities()) {
			for (Attribute<?, ?> attribute : entity.getAttributes()) {
				try {
					index(entity, attribute, entities);
				}
				catch (RuntimeException ex) {
					// An attribute mapped in a way this heuristic does not know is simply
					// never named.
				}
			}
		}
		for (Map<String, List<Association>> byColumn : this.associations.values()) {
			for (List<Association> candidates : byColumn.values()) {
				candidates.sort(BY_NAME);
			}
		}
	}

	@Override
	public Optional<Association> resolve(String sql) {
		try {
			List<Association> candidates = candidates(SqlFingerprint.of(sql));
			return candidates.isEmpty() ? Optional.empty() : Optional.of(choose(candidates, List.of()));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Names the association behind a statement of a request, among those whose owners an
	 * earlier statement of the request read: a row read by its key when no owner was read
	 * before (a repository's {@code findById} in a loop, JDBC reads by key) loads no
	 * association, and naming one would give a fix for a mapping that did not run.
	 */
	@Override
	public Optional<Association> resolve(String sql, List<String> earlierStatements) {
		try {
			List<Association> candidates = candidates(SqlFingerprint.of(sql)).stream()
				.filter((candidate) -> lastMention(this.tablesByEntity.getOrDefault(candidate.entity(), Set.of()),
						earlierStatements) >= 0)
				.toList();
			return candidates.isEmpty() ? Optional.empty() : Optional.of(choose(candidates, earlierStatements));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Returns every association whose load looks like this statement.
	 * @param sql the statement or its fingerprint
	 * @return the candidates, by entity and attribute name
	 */
	public List<Association> findCandidates(String sql) {
		try {
			return List.copyOf(candidates(SqlFingerprint.of(sql)));
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private List<Association> candidates(String fingerprint) {
		if (!fingerprint.startsWith("select ")) {
			return List.of();
		}
		int from = topLevelWord(fingerprint, "from", 0);
		if (from < 0) {
			return List.of();
		}
		String[] words = fingerprint.substring(from + 5).split(" ", 3);
		String table = name(words[0]);
		Map<String, List<Association>> byColumn = this.associations.get(table);
		if (byColumn == null) {
			return List.of();
		}
		String alias = (words.length > 1 && !NOT_AN_ALIAS.contains(words[1])) ? name(words[1]) : null;
		int where = topLevelWord(fingerprint, "where", from);
		if (where < 0) {
			return List.of();
		}
		// A key predicate of a loader: [alias.]column = ?, in (?) or = any (?).
		List<Association> found = KeyPredicates.first(fingerprint, where + 6, (qualifier, column) -> {
			String name = (qualifier != null) ? name(qualifier) : null;
			if (name != null && alias != null && !name.equals(alias) && !name.equals(table)) {
				return null;
			}
			return byColumn.get(name(column));
		});
		return (found != null) ? found : List.of();
	}

	private Association choose(List<Association> candidates, List<String> earlierStatements) {
		Association best = candidates.get(0);
		int bestSeen = -1;
		if (candidates.size() > 1) {
			for (Association candidate : candidates) {
				int seen = lastMention(this.tablesByEntity.getOrDefault(candidate.entity(), Set.of()),
						earlierStatements);
				if (seen > bestSeen) {
					best = candidate;
					bestSeen = seen;
				}
			}
		}
		return best;
	}

	private static int lastMention(Set<String> tables, List<String> statements) {
		for (int i = statements.size() - 1; i >= 0; i--) {
			String statement = statements.get(i);
			for (String table : tables) {
				if (statement.contains("from " + table + " ") || statement.contains("join " + table + " ")
						|| statement.endsWith("from " + table)) {
					return i;
				}
			}
		}
		return -1;
	}

	// Finds a keyword outside parentheses, so sub-queries in the select list do not
	// count.
	private static int topLevelWord(String text, String word, int from) {
		int depth = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (depth == 0 && c == ' ' && text.startsWith(word, i + 1)
					&& (i + 1 + word.length() == text.length() || text.charAt(i + 1 + word.length()) == ' ')) {
				return i + 1;
			}
		}
		return -1;
	}

	private void index(EntityType<?> owner, Attribute<?, ?> attribute, Map<Class<?>, EntityType<?>> entities) {
		AnnotatedElement member = annotated(attribute.getJavaMember());
		switch (attribute.getPersistentAttributeType()) {
			case MANY_TO_ONE, ONE_TO_ONE -> {
				EntityType<?> target = entityOf(((SingularAttribute<?, ?>) attribute).getType(), entities);
				if (target == null) {
					return;
				}
				OneToOne oneToOne = (member != null) ? member.getAnnotation(OneToOne.class) : null;
				ManyToOne manyToOne = (member != null) ? member.getAnnotation(ManyToOne.class) : null;
				// Both default to EAGER; a mapping in orm.xml is not seen and is taken as
				// lazy.
				boolean eager = (manyToOne != null) ? manyToOne.fetch() == FetchType.EAGER
						: oneToOne != null && oneToOne.fetch() == FetchType.EAGER;
				Association association = new Association(owner.getName(), attribute.getName(), false, target.getName(),
						eager);
				if (oneToOne != null && !oneToOne.mappedBy().isEmpty()) {
					add(tables(target), foreignKeyColumns(target, oneToOne.mappedBy(), entities), association);
				}
				else {
					add(tables(target), idColumns(target), association);
				}
			}
			case ONE_TO_MANY, MANY_TO_MANY ->
				indexCollection(owner, (PluralAttribute<?, ?, ?>) attribute, member, entities);
			case ELEMENT_COLLECTION -> {
				Type<?> element = ((PluralAttribute<?, ?, ?>) attribute).getElementType();
				Association association = new Association(owner.getName(), attribute.getName(), true,
						element.getJavaType().getSimpleName());
				CollectionTable table = (member != null) ? member.getAnnotation(CollectionTable.class) : null;
				Set<String> tables = (table != null && !table.name().isEmpty()) ? names(table.name())
						: names(owner.getName() + "_" + attribute.getName());
				Set<String> columns = (table != null && table.joinColumns().length > 0)
						? joinColumnNames(table.joinColumns()) : ownerKeyColumns(owner);
				add(tables, columns, association);
			}
			default -> {
			}
		}
	}

	private void indexCollection(EntityType<?> owner, PluralAttribute<?, ?, ?> attribute, AnnotatedElement member,
			Map<Class<?>, EntityType<?>> entities) {
		EntityType<?> element = entityOf(attribute.getElementType(), entities);
		if (element == null) {
			return;
		}
		Association association = new Association(owner.getName(), attribute.getName(), true, element.getName());
		String mappedBy = mappedBy(member);
		boolean manyToMany = attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.MANY_TO_MANY;
		if (!mappedBy.isEmpty() && !manyToMany) {
			add(tables(element), foreignKeyColumns(element, mappedBy, entities), association);
			return;
		}
		if (!mappedBy.isEmpty()) {
			// The owning side's join table, read by its inverse column, which points at
			// this owner.
			Attribute<?, ?> owning = element.getAttribute(mappedBy);
			AnnotatedElement owningMember = annotated(owning.getJavaMember());
			JoinTable joinTable = (owningMember != null) ? owningMember.getAnnotation(JoinTable.class) : null;
			Set<String> columns = (joinTable != null && joinTable.inverseJoinColumns().length > 0)
					? joinColumnNames(joinTable.inverseJoinColumns()) : suffixed(mappedBy, idColumns(owner));
			add(joinTables(element, owner, mappedBy, joinTable), columns, association);
			return;
		}
		JoinColumn joinColumn = (member != null) ? member.getAnnotation(JoinColumn.class) : null;
		if (!manyToMany && joinColumn != null && !joinColumn.name().isEmpty()) {
			add(tables(element), names(joinColumn.name()), association);
			return;
		}
		JoinTable joinTable = (member != null) ? member.getAnnotation(JoinTable.class) : null;
		Set<String> columns = (joinTable != null && joinTable.joinColumns().length > 0)
				? joinColumnNames(joinTable.joinColumns()) : ownerKeyColumns(owner);
		add(joinTables(owner, element, attribute.getName(), joinTable), columns, association);
	}

	private Set<String> joinTables(EntityType<?> owner, EntityType<?> element, String attribute, JoinTable joinTable) {
		if (joinTable != null && !joinTable.name().isEmpty()) {
			return names(joinTable.name());
		}
		// JPA's default joins the two table names; Spring Boot's joins the owner's table
		// and the attribute.
		Set<String> tables = new LinkedHashSet<>();
		for (String ownerTable : tables(owner)) {
			for (String elementTable : tables(element)) {
				tables.add(ownerTable + "_" + elementTable);
			}
			tables.addAll(names(ownerTable + "_" + attribute));
		}
		return tables;
	}

	private void add(Set<String> tables, Set<String> columns, Association association) {
		for (String table : tables) {
			Map<String, List<Association>> byColumn = this.associations.computeIfAbsent(table,
					(key) -> new HashMap<>());
			for (String column : columns) {
				List<Association> list = byColumn.computeIfAbsent(column, (key) -> new ArrayList<>());
				if (!list.contains(association)) {
					list.add(association);
				}
			}
		}
	}

	static Set<String> tables(EntityType<?> entity) {
		Set<String> tables = new LinkedHashSet<>();
		Table table = entity.getJavaType().getAnnotation(Table.class);
		if (table != null && !table.name().isEmpty()) {
			tables.addAll(names(table.name()));
		}
		else {
			tables.addAll(names(entity.getName()));
			// Single-table inheritance: a subclass without @Table lives in its root's
			// table.
			IdentifiableType<?> supertype = entity.getSupertype();
			if (supertype instanceof EntityType<?> parent) {
				tables.addAll(tables(parent));
			}
		}
		return tables;
	}

	private static Set<String> idColumns(ManagedType<?> entity) {
		Set<String> columns = new LinkedHashSet<>();
		for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
			if (attribute.isId()) {
				columns.addAll(columns(attribute));
			}
		}
		return columns;
	}

	private static Set<String> columns(Attribute<?, ?> attribute) {
		AnnotatedElement member = annotated(attribute.getJavaMember());
		Column column = (member != null) ? member.getAnnotation(Column.class) : null;
		return (column != null && !column.name().isEmpty()) ? names(column.name()) : names(attribute.getName());
	}

	// The columns of a to-one attribute of this entity: @JoinColumn, or attribute + "_" +
	// target id.
	private static Set<String> foreignKeyColumns(EntityType<?> entity, String attributeName,
			Map<Class<?>, EntityType<?>> entities) {
		Attribute<?, ?> attribute = entity.getAttribute(attributeName);
		AnnotatedElement member = annotated(attribute.getJavaMember());
		if (member != null) {
			JoinColumn joinColumn = member.getAnnotation(JoinColumn.class);
			if (joinColumn != null && !joinColumn.name().isEmpty()) {
				return names(joinColumn.name());
			}
			JoinColumns joinColumns = member.getAnnotation(JoinColumns.class);
			if (joinColumns != null && joinColumns.value().length > 0) {
				return joinColumnNames(joinColumns.value());
			}
		}
		EntityType<?> target = (attribute instanceof SingularAttribute<?, ?> singular)
				? entityOf(singular.getType(), entities) : null;
		return suffixed(attributeName, (target != null) ? idColumns(target) : names("id"));
	}

	private static Set<String> ownerKeyColumns(EntityType<?> owner) {
		Set<String> columns = new LinkedHashSet<>(suffixed(owner.getName(), idColumns(owner)));
		for (String table : tables(owner)) {
			columns.addAll(suffixed(table, idColumns(owner)));
		}
		return columns;
	}

	private static Set<String> suffixed(String prefix, Set<String> idColumns) {
		Set<String> columns = new LinkedHashSet<>();
		for (String id : idColumns) {
			columns.addAll(names(prefix + "_" + id));
		}
		return columns;
	}

	private static Set<String> joinColumnNames(JoinColumn[] joinColumns) {
		Set<String> columns = new LinkedHashSet<>();
		for (JoinColumn joinColumn : joinColumns) {
			if (!joinColumn.name().isEmpty()) {
				columns.addAll(names(joinColumn.name()));
			}
		}
		return columns;
	}

	private static String mappedBy(AnnotatedElement member) {
		if (member == null) {
			return "";
		}
		OneToMany oneToMany = member.getAnnotation(OneToMany.class);
		if (oneToMany != null) {
			return oneToMany.mappedBy();
		}
		ManyToMany manyToMany = member.getAnnotation(ManyToMany.class);
		return (manyToMany != null) ? manyToMany.mappedBy() : "";
	}

	private static EntityType<?> entityOf(Type<?> type, Map<Class<?>, EntityType<?>> entities) {
		if (type instanceof EntityType<?> entity) {
			return entity;
		}
		return entities.get(type.getJavaType());
	}

	private static AnnotatedElement annotated(Member member) {
		return (member instanceof AnnotatedElement element) ? element : null;
	}

	/**
	 * Returns the names a logical name may have in SQL: as Spring Boot's physical naming
	 * writes it and as written, both lower-cased, without quotes or schema.
	 * @param logicalName the name in the mapping
	 * @return the candidate names
	 */
	static Set<String> names(String logicalName) {
		String bare = name(logicalName);
		Set<String> names = new LinkedHashSet<>();
		names.add(snakeCase(unquoted(lastSegment(logicalName))));
		names.add(bare);
		return names;
	}

	// A name as it appears in a fingerprint, reduced for comparison.
	private static String name(String sqlName) {
		return unquoted(lastSegment(sqlName)).toLowerCase(Locale.ROOT);
	}

	private static String lastSegment(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? name : name.substring(dot + 1);
	}

	private static String unquoted(String name) {
		if (name.length() >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '`' || name.charAt(0) == '[')) {
			return name.substring(1, name.length() - 1);
		}
		return name;
	}

	// Spring Boot's CamelCaseToUnderscoresNamingStrategy: an underscore between lower,
	// UPPER, lower.
	static String snakeCase(String name) {
		StringBuilder builder = new StringBuilder(name.replace('.', '_'));
		for (int i = 1; i < builder.length() - 1; i++) {
			if (Character.isLowerCase(builder.charAt(i - 1)) && Character.isUpperCase(builder.charAt(i))
					&& Character.isLowerCase(builder.charAt(i + 1))) {
				builder.insert(i++, '_');
			}
		}
		return builder.toString().toLowerCase(Locale.ROOT);
	}

}
