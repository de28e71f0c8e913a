package dev.querylens.analysis.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * A Hibernate 7 persistence unit on in-memory H2 with the shop entities and Spring Boot's
 * physical naming, which keeps the SQL Hibernate sends so tests can use it as input.
 */
public final class Shop implements AutoCloseable {

	private final List<String> statements = new ArrayList<>();

	private final EntityManagerFactory entityManagerFactory;

	public Shop(String name) {
		this(name, UnaryOperator.identity());
	}

	/**
	 * Creates the persistence unit on a data source of its own, as the wrapper makes it.
	 * @param name the in-memory database's name
	 * @param dataSource wraps the H2 data source the unit uses (a recording data source)
	 */
	public Shop(String name, UnaryOperator<DataSource> dataSource) {
		StatementInspector inspector = (sql) -> {
			synchronized (this.statements) {
				this.statements.add(sql);
			}
			return sql;
		};
		Configuration configuration = new Configuration().addAnnotatedClass(Customer.class)
			.addAnnotatedClass(Product.class)
			.addAnnotatedClass(Order.class)
			.addAnnotatedClass(OrderItem.class)
			.setPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy())
			.setStatementInspector(inspector)
			.setProperty("hibernate.hbm2ddl.auto", "create-drop");
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		h2.setUser("sa");
		configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource.apply(h2));
		this.entityManagerFactory = configuration.buildSessionFactory();
	}

	public EntityManagerFactory getEntityManagerFactory() {
		return this.entityManagerFactory;
	}

	/**
	 * Seeds two customers, each with three orders of two items.
	 */
	public void seed() {
		inTransaction((em) -> {
			for (int c = 0; c < 2; c++) {
				Customer customer = new Customer("customer " + c);
				em.persist(customer);
				Product product = new Product("product " + c, customer);
				em.persist(product);
				for (int o = 0; o < 3; o++) {
					Order order = new Order(customer);
					order.add(product, 1);
					order.add(product, 2);
					em.persist(order);
				}
			}
		});
	}

	public void inTransaction(Consumer<EntityManager> work) {
		try (EntityManager em = this.entityManagerFactory.createEntityManager()) {
			em.getTransaction().begin();
			work.accept(em);
			em.getTransaction().commit();
		}
	}

	/**
	 * Runs the work and returns the SQL Hibernate sent while it ran.
	 * @param work the work
	 * @return the statements in order
	 */
	public List<String> statementsOf(Consumer<EntityManager> work) {
		synchronized (this.statements) {
			this.statements.clear();
		}
		inTransaction(work);
		synchronized (this.statements) {
			return List.copyOf(this.statements);
		}
	}

	@Override
	public void close() {
		this.entityManagerFactory.close();
	}

}
