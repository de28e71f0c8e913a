package com.example.corpus;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The precision corpus's application: small scenarios, each beside its nearest
 * look-alike, over Spring Data JPA, plain JDBC, Thymeleaf views with open session in view
 * (Spring Boot's default), a cache, and a data source stacked on the pool. Four authors,
 * twelve books (book {@code n} by author {@code n % 4}, on shelf {@code n % 3}), two
 * reviews per book, three shelves, four genres, two formats, six conditions, one listing,
 * six manuscripts of about 4,000 characters each, an edition of each of the first four
 * books.
 */
@SpringBootApplication
@EnableCaching
public class CorpusApplication {

	static final int AUTHORS = 4;

	static final int BOOKS = 12;

	static final int SHELVES = 3;

	static final int MANUSCRIPTS = 6;

	static final int EDITIONS = 4;

	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties properties) {
		return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
	}

	/**
	 * A data source bean over the pool bean, as an application adds one for its reports.
	 * @param dataSource the pool
	 * @return the proxy
	 */
	@Bean
	LazyConnectionDataSourceProxy reportingDataSource(DataSource dataSource) {
		return new LazyConnectionDataSourceProxy(dataSource);
	}

	@Bean
	CacheManager cacheManager() {
		return new ConcurrentMapCacheManager("formats");
	}

	@Component
	static class Seeder implements ApplicationRunner {

		private final EntityManager entityManager;

		Seeder(EntityManager entityManager) {
			this.entityManager = entityManager;
		}

		@Override
		@Transactional
		public void run(ApplicationArguments args) {
			Author[] authors = new Author[AUTHORS];
			for (int i = 0; i < AUTHORS; i++) {
				authors[i] = new Author(i + 1L, "Author " + (i + 1));
				this.entityManager.persist(authors[i]);
			}
			Shelf[] shelves = new Shelf[SHELVES];
			for (int i = 0; i < SHELVES; i++) {
				shelves[i] = new Shelf(i + 1L, "Shelf " + (i + 1));
				this.entityManager.persist(shelves[i]);
			}
			for (int i = 0; i < BOOKS; i++) {
				Book book = new Book(i + 1L, "Book " + (i + 1), authors[i % AUTHORS], shelves[i % SHELVES]);
				this.entityManager.persist(book);
				if (i < EDITIONS) {
					this.entityManager.persist(new Edition(i + 1L, "First edition of book " + (i + 1), book));
				}
				for (int k = 0; k < 2; k++) {
					this.entityManager.persist(new Review(i * 2L + k + 1, book, 3 + k));
				}
			}
			String[] genreNames = { "essay", "novel", "poetry", "travel" };
			Genre[] genres = new Genre[genreNames.length];
			for (int i = 0; i < genreNames.length; i++) {
				genres[i] = new Genre(i + 1L, genreNames[i]);
				this.entityManager.persist(genres[i]);
			}
			Format hardcover = new Format(1L, "hardcover");
			this.entityManager.persist(hardcover);
			this.entityManager.persist(new Format(2L, "paperback"));
			String[] conditionNames = { "as new", "fine", "good", "fair", "poor", "worn" };
			Condition[] conditions = new Condition[conditionNames.length];
			for (int i = 0; i < conditionNames.length; i++) {
				conditions[i] = new Condition(i + 1L, conditionNames[i]);
				this.entityManager.persist(conditions[i]);
			}
			this.entityManager.persist(new Listing(1L, "Listing 1", genres[1], hardcover, conditions[2]));
			for (int i = 0; i < MANUSCRIPTS; i++) {
				this.entityManager.persist(new Manuscript(i + 1L, "Manuscript " + (i + 1), "lorem ipsum ".repeat(333)));
			}
		}

	}

}
