package dev.querylens.demo.lessons;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.querylens.demo.lessons.Lesson.Extra;
import dev.querylens.demo.lessons.Lesson.Variant;

/**
 * The lessons, in the tutorial's order: the curriculum of DESIGN.md, each technique with
 * its slow and fast code.
 */
@Component
public class LessonCatalog {

	private final List<Lesson> lessons;

	LessonCatalog(ToOneLesson toOne, CollectionLesson collection, PagingLesson paging,
			FilteredChildLesson filteredChild, ProjectionLesson projection, ReportLesson report,
			AggregationLesson aggregation, BatchInsertLesson batchInsert, BulkUpdateLesson bulkUpdate,
			StreamingLesson streaming, IndexLesson index, EvaluatedTwiceLesson evaluatedTwice, ExistsLesson exists,
			AtomicUpdateLesson atomicUpdate, ConnectionPoolLesson connectionPool, TransactionLesson transaction,
			ConnectionHeldLesson connectionHeld) {
		this.lessons = List.of(new Lesson("to-one-n-plus-one", "N+1 on a to-one association", "select_related()",
				"The page lists 50 orders with their customer's name, and Order.customer is lazy. "
						+ "Reading it in the loop runs one more SELECT per distinct customer.",
				"Load the association with the orders: JOIN FETCH in the query, or an @EntityGraph on the "
						+ "repository method.",
				List.of(new Variant("slow", "lazy in a loop",
						"orders.findAllByOrderByIdAsc() … order.getCustomer().getName()", (m) -> toOne.lazyInALoop()),
						new Variant("fast", "join fetch",
								"@Query(\"select o from Order o join fetch o.customer order by o.id\")",
								(m) -> toOne.joinFetch()),
						new Variant("entity-graph", "@EntityGraph", "@EntityGraph(attributePaths = \"customer\")",
								(m) -> toOne.entityGraph())),
				Extra.NONE),
				new Lesson("collection-n-plus-one", "N+1 on a collection", "prefetch_related()",
						"The page shows each order's item count and total, and Order.items is a lazy collection. "
								+ "Reading it in the loop runs one more SELECT per order.",
						"Fetch the collections in batches (@BatchSize on the association, or "
								+ "hibernate.default_batch_fetch_size for all), or join them in the query.",
						List.of(new Variant("slow", "lazy in a loop", "order.getItems() for each order",
								(m) -> collection.lazyInALoop()),
								new Variant("fast", "collection fetch",
										"@Query(\"select o from Order o join fetch o.items order by o.id\")",
										(m) -> collection.collectionFetch()),
								new Variant("batch-fetch", "batch fetch, 50 per statement",
										"hibernate.default_batch_fetch_size=50, or @BatchSize(size = 50) on Order.items",
										(m) -> collection.batchFetch())),
						Extra.NONE),
				new Lesson("collection-fetch-paging", "A collection fetch with paging",
						"prefetch_related() with slicing",
						"A collection fetch returns one row per child, so a plain LIMIT cannot keep 10 parents whole. "
								+ "Hibernate before 7.4 reads every parent's children and pages in memory (warning HHH90003004); "
								+ "7.4 limits the parents in a derived table, but only if no unpaged query of the same text ran first.",
						"Page the ids in SQL, then fetch those parents with their children; or batch-fetch the collection.",
						List.of(new Variant("slow", "join fetch + Pageable", "findPageWithItems(PageRequest.of(0, 10))",
								(m) -> paging.fetchThenPage()),
								new Variant("fast", "page the ids, then fetch",
										"findPageOfIds(page) then findWithItemsByIdIn(ids)",
										(m) -> paging.pageIdsThenFetch())),
						Extra.NONE),
				new Lesson("filtered-children", "A filtered, ordered child list", "Prefetch(queryset=…)",
						"The page shows each order's lines of 3 or more, dearest first, so the plain collection will not do. "
								+ "A repository query per order runs one SELECT per order.",
						"Run the filtered, ordered child query once for all parents with an IN list, and group the rows "
								+ "by parent in memory.",
						List.of(new Variant("slow", "a query per order",
								"items.findByOrderIdAndQuantityGreaterThanEqualOrderByUnitPriceDescIdAsc(order.getId(), 3)",
								(m) -> filteredChild.queryPerOrder()),
								new Variant("fast", "one IN query for all",
										"items.findByOrderIdsAndQuantityAtLeast(orderIds, 3)",
										(m) -> filteredChild.oneQueryForAll())),
						Extra.NONE),
				new Lesson("projections", "Projections instead of whole entities", "only() / defer()",
						"The catalog page shows name and price, but the entity also maps a 50 kB description. "
								+ "Loading entities reads and keeps every description.",
						"Select only what the page shows: an interface projection or a record built with select new. "
								+ "@Basic(fetch = LAZY) on the column would need Hibernate's bytecode enhancement, which this "
								+ "demo does not enable (it would change how every entity of the shop loads), so the "
								+ "projection is the lesson.",
						List.of(new Variant("slow", "entities", "entries.findAllByOrderByIdAsc()",
								(m) -> projection.entities()),
								new Variant("fast", "interface projection",
										"List<CatalogSummary> findAllSummariesByOrderByIdAsc()",
										(m) -> projection.interfaceProjection()),
								new Variant("record", "record projection",
										"@Query(\"select new …CatalogLine(e.id, e.name, e.price) from CatalogEntry e order by e.id\")",
										(m) -> projection.recordProjection())),
						Extra.NONE),
				new Lesson("report-tuples", "Plain rows for a read-only report", "values() / values_list()",
						"A report of 199 order lines needs five columns, but loading entities builds four managed objects per line. "
								+ "The persistence context keeps them all for dirty checking that never comes.",
						"Read plain rows: JdbcTemplate (or a tuple or DTO projection) for read-only reports.",
						List.of(new Variant("slow", "entities, four per line",
								"join fetch i.order o join fetch o.customer join fetch i.product",
								(m) -> report.entities()),
								new Variant("fast", "JdbcTemplate rows",
										"jdbc.query(REPORT_SQL, (rs, row) -> new ReportLine(…))",
										(m) -> report.jdbcTuples())),
						Extra.NONE),
				new Lesson("aggregation", "Aggregation in the database", "annotate() / aggregate()",
						"Revenue per customer needs one number per customer. Summing in Java first loads every order line.",
						"Let the database group and sum: a JPQL GROUP BY with count and sum returns one row per customer.",
						List.of(new Variant("slow", "sum in Java",
								"for (OrderItem item : items.findAllWith…()) revenue.merge(…)",
								(m) -> aggregation.sumInJava()),
								new Variant("fast", "group by",
										"select new CustomerRevenue(c.id, c.name, count(distinct o.id), sum(i.unitPrice * i.quantity)) … group by c.id, c.name",
										(m) -> aggregation.sumInDatabase())),
						Extra.NONE),
				new Lesson("batch-inserts", "Batch inserts, and the identity-key trap", "bulk_create()",
						"Saving 100 rows one save at a time makes each save its own transaction and its own INSERT. "
								+ "saveAll in one transaction batches them only if Hibernate knows the keys before inserting, "
								+ "which identity columns prevent.",
						"Use saveAll in one transaction with hibernate.jdbc.batch_size and a sequence that hands out many "
								+ "ids per call (allocationSize).",
						List.of(new Variant("slow", "save one by one", "for (…) movements.save(movement)",
								(m) -> batchInsert.saveOneByOne()),
								new Variant("identity-keys", "saveAll, identity keys",
										"@GeneratedValue(strategy = IDENTITY) … identityMovements.saveAll(batch)",
										(m) -> batchInsert.saveAllWithIdentityKeys()),
								new Variant("fast", "saveAll, sequence keys, batched",
										"@SequenceGenerator(allocationSize = 100), hibernate.jdbc.batch_size=50 … movements.saveAll(batch)",
										(m) -> batchInsert.saveAllBatched())),
						Extra.NONE),
				new Lesson("bulk-update", "A bulk update", "bulk_update() / update()",
						"Putting 100 stock levels on sale by loading and saving each one sends 100 UPDATEs. "
								+ "Each save outside a transaction also commits on its own.",
						"Change many rows with one @Modifying @Query(\"update …\"); no entity needs loading.",
						List.of(new Variant("slow", "load, change and save each",
								"level.setOnSale(true); levels.save(level)", (m) -> bulkUpdate.saveEach()),
								new Variant("fast", "one @Modifying update",
										"@Modifying @Query(\"update StockLevel s set s.onSale = :onSale\")",
										(m) -> bulkUpdate.bulkUpdate())),
						Extra.NONE),
				new Lesson("streaming", "Streaming a large table", "iterator()",
						"Summing 200 000 page views by loading them into a list holds all 200 000 entities at once. "
								+ "Memory grows with the table, not with the work.",
						"Stream the result with a fetch size inside a read-only transaction, and detach each entity once "
								+ "read (or use keyset pagination with Slice).",
						List.of(new Variant("slow", "load all into a list", "List<PageView> findEverything()",
								(m) -> streaming.loadAll(m)),
								new Variant("fast", "stream, detach each",
										"@QueryHints(HINT_FETCH_SIZE = 1000) Stream<PageView> streamEverything()",
										(m) -> streaming.stream(m))),
						Extra.NONE),
				new Lesson("index", "An index", "db_index=True / Meta.indexes, and EXPLAIN",
						"Finding one visitor's 40 views among 200 000 without an index makes the database read the whole table. "
								+ "The cost grows with the table, however few rows come back.",
						"Declare the index with @Table(indexes = @Index(columnList = …)) and check the plan with EXPLAIN.",
						List.of(new Variant("slow", "no index", "views.findByUnindexedVisitorIdOrderByIdAsc(4242)",
								(m) -> index.withoutIndex()),
								new Variant("fast", "@Index",
										"@Index(columnList = \"visitorId\") … views.findByVisitorIdOrderByIdAsc(4242)",
										(m) -> index.withIndex())),
						Extra.EXPLAIN),
				new Lesson("evaluated-twice", "A query run twice", "a queryset evaluated twice",
						"The code asks the repository for a customer's orders once for the count and again for the ids. "
								+ "A query method always runs its SQL: nothing caches its result.",
						"Call it once and keep the result in a variable.",
						List.of(new Variant("slow", "call twice",
								"findByCustomerIdOrderByIdAsc(3).size() … findByCustomerIdOrderByIdAsc(3).stream()…",
								(m) -> evaluatedTwice.callTwice()),
								new Variant("fast", "keep the result",
										"List<Order> orders = findByCustomerIdOrderByIdAsc(3)",
										(m) -> evaluatedTwice.keepTheResult())),
						Extra.NONE),
				new Lesson("exists-count", "existsBy and countBy", "exists() / count()",
						"To know whether any customer in Porto ordered and how many orders January had, the code loads the orders. "
								+ "Every row travels and becomes an entity to answer yes or a number.",
						"Ask the database: existsBy… reads at most one row and countBy… one number.",
						List.of(new Variant("slow", "load to check",
								"!findByCustomerCity(\"Porto\").isEmpty(); findByPlacedOnBetween(…).size()",
								(m) -> exists.loadToCheck()),
								new Variant("fast", "existsBy / countBy",
										"existsByCustomerCity(\"Porto\"); countByPlacedOnBetween(…)",
										(m) -> exists.askTheDatabase())),
						Extra.NONE),
				new Lesson("atomic-update", "An atomic update", "F() expressions",
						"Incrementing a counter by reading it, adding one in Java and writing it back takes two statements. "
								+ "Two requests doing it at once both read the same value, and one increment is lost.",
						"Let the database add: @Modifying @Query(\"update ViewCounter c set c.views = c.views + 1 where c.id = :id\").",
						List.of(new Variant("slow", "read, modify, write", "counter.setViews(counter.getViews() + 1)",
								(m) -> atomicUpdate.readModifyWrite()),
								new Variant("fast", "update … set views = views + 1", "counters.increment(id)",
										(m) -> atomicUpdate.atomic())),
						Extra.RACE),
				new Lesson("connection-pool", "A connection pool", "CONN_MAX_AGE, persistent connections",
						"Five small reads that each take a connection from a data source with no pool open five physical "
								+ "connections. Opening one costs more than the read it serves.",
						"Use the pool Spring Boot configures (HikariCP), size it (spring.datasource.hikari.*), and run reads "
								+ "that belong together in one @Transactional(readOnly = true), on one connection.",
						List.of(new Variant("slow", "no pool", "new DriverManagerDataSource(url, user, password)",
								(m) -> connectionPool.withoutPool()),
								new Variant("fast", "HikariCP, one transaction",
										"@Transactional(readOnly = true) on the application's DataSource",
										(m) -> connectionPool.withPool())),
						Extra.NONE),
				new Lesson("one-transaction", "One transaction for the unit of work", "transaction.atomic()",
						"A summary counts five tables through Spring Data repositories, whose methods are each transactional. "
								+ "Called with no transaction around them, each call begins and commits a transaction of its own.",
						"Put @Transactional(readOnly = true) on the method that calls them, so that the calls join one "
								+ "transaction.",
						List.of(new Variant("slow", "a transaction per call",
								"customers.count(); products.count(); … with no @Transactional around them",
								(m) -> transaction.aTransactionPerCall()),
								new Variant("fast", "one read-only transaction",
										"@Transactional(readOnly = true) on the method that calls them",
										(m) -> transaction.oneTransaction())),
						Extra.NONE),
				new Lesson("connection-held", "A connection held during a remote call", "transaction.on_commit()",
						"A quote reads an order and its customer, and asks a remote service for an exchange rate that takes "
								+ ConnectionHeldLesson.REMOTE_CALL.toMillis() + " ms to come. "
								+ "Asked inside the @Transactional method, the call keeps the transaction's connection idle "
								+ "all that time, out of the pool.",
						"Call the remote service before the transaction begins, or after it commits. Under open-in-view the "
								+ "request keeps its connection from its first statement to its end: call it before that.",
						List.of(new Variant("slow", "remote call inside the transaction",
								"@Transactional … orders.findById(id); rates.euroRate(); order.getCustomer().getName()",
								(m) -> connectionHeld.callInsideTheTransaction()),
								new Variant("fast", "remote call before it",
										"rates.euroRate(); then transactions.execute(…) for the reads",
										(m) -> connectionHeld.callBeforeTheTransaction())),
						Extra.NONE));
	}

	/**
	 * Returns the lessons in the tutorial's order.
	 * @return the lessons
	 */
	public List<Lesson> lessons() {
		return this.lessons;
	}

	/**
	 * Finds a lesson.
	 * @param name its name
	 * @return the lesson, or {@code null}
	 */
	public Lesson find(String name) {
		return this.lessons.stream().filter((lesson) -> lesson.name().equals(name)).findFirst().orElse(null);
	}

}
