package dev.querylens.it;

import com.example.jpashop.JpaShopApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link JpaShopIntegrationTests} on H2 in memory.
 */
@SpringBootTest(classes = JpaShopApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:jpashop;DB_CLOSE_DELAY=-1;"
				+ "INIT=CREATE ALIAS IF NOT EXISTS JPS_SLEEP FOR 'com.example.jpashop.SlowFunctions.sleep'",
		"jpashop.sleep-sql=select p.id from jps_product p where p.title = 'Product 7' and jps_sleep(1200) > 0" })
@TestDatabase("h2")
class H2JpaShopIntegrationTests extends JpaShopIntegrationTests {

}
