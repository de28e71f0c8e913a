package dev.querylens.listeners;

import java.util.UUID;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.EnableRabbit;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application whose N+1 runs in a {@code @RabbitListener}, over the RabbitMQ running
 * on this machine (127.0.0.1:5672, guest/guest), and whose twin listener reads the same
 * in one join. Its queues are named anew for each run (deleted with their last consumer),
 * so that two builds on one machine never take each other's messages.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@EnableRabbit
public class RabbitListenersTestApplication {

	@Bean(destroyMethod = "destroy")
	CachingConnectionFactory rabbitConnectionFactory() {
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", 5672);
		connectionFactory.setUsername("guest");
		connectionFactory.setPassword("guest");
		return connectionFactory;
	}

	@Bean
	RabbitAdmin rabbitAdmin(CachingConnectionFactory connectionFactory) {
		return new RabbitAdmin(connectionFactory);
	}

	@Bean
	SimpleRabbitListenerContainerFactory rabbitListenerContainerFactory(CachingConnectionFactory connectionFactory) {
		SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
		factory.setConnectionFactory(connectionFactory);
		return factory;
	}

	@Bean
	RabbitTemplate rabbitTemplate(CachingConnectionFactory connectionFactory) {
		return new RabbitTemplate(connectionFactory);
	}

	@Bean
	Queue orders() {
		return queue("orders");
	}

	@Bean
	Queue ordersJoined() {
		return queue("orders-joined");
	}

	// Not an AnonymousQueue: the leader locator it asks for is refused by RabbitMQ
	// before 3.12.
	private static Queue queue(String name) {
		return new Queue("querylens-" + name + "-" + UUID.randomUUID(), false, false, true);
	}

	@Bean
	ListenerShop shop(JdbcTemplate jdbc) {
		return new ListenerShop(jdbc);
	}

	@Bean
	TaskRecordings taskRecordings() {
		return new TaskRecordings();
	}

	@Bean
	OrderListener orderListener(ListenerShop shop) {
		return new OrderListener(shop);
	}

	/**
	 * Reads the customers of the orders a message is about.
	 */
	static class OrderListener {

		private final ListenerShop shop;

		OrderListener(ListenerShop shop) {
			this.shop = shop;
		}

		@RabbitListener(queues = "#{orders.name}")
		void onOrder(String order) {
			this.shop.customerNames();
		}

		@RabbitListener(queues = "#{ordersJoined.name}")
		void onOrderJoined(String order) {
			this.shop.customerNamesJoined();
		}

	}

}
