package dev.querylens.it;

import com.example.jpashop.JpaShopApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link JpaShopIntegrationTests} on PostgreSQL.
 */
@SpringBootTest(classes = JpaShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
		"spring.datasource.username=postgres", "spring.datasource.password=",
		"jpashop.sleep-sql=select p.id from jps_product p where p.title = 'Product 7' "
				+ "and (select pg_sleep(1.2)) is not null" })
@TestDatabase("postgres")
class PostgresJpaShopIntegrationTests extends JpaShopIntegrationTests {

}
