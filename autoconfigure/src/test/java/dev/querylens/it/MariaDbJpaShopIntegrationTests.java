package dev.querylens.it;

import com.example.jpashop.JpaShopApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link JpaShopIntegrationTests} on MariaDB.
 */
@SpringBootTest(classes = JpaShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/test",
		"spring.datasource.username=root", "spring.datasource.password=",
		"jpashop.sleep-sql=select p.id from jps_product p where p.title = 'Product 7' "
				+ "and (select sleep(1.2)) = 0" })
@TestDatabase("mariadb")
class MariaDbJpaShopIntegrationTests extends JpaShopIntegrationTests {

}
