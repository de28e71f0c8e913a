package dev.querylens.listeners;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.annotation.EnableJms;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * An application whose N+1 runs in a {@code @JmsListener}, over an embedded Artemis
 * broker (in-VM, nothing persisted), and whose twin listener reads the same in one join.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@EnableJms
public class JmsListenersTestApplication {

	@Bean(destroyMethod = "stop")
	EmbeddedActiveMQ broker() throws Exception {
		EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
		broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
			.setSecurityEnabled(false)
			.addAcceptorConfiguration("in-vm", "vm://0"));
		return broker.start();
	}

	@Bean
	ConnectionFactory connectionFactory(EmbeddedActiveMQ broker) {
		return new ActiveMQConnectionFactory("vm://0");
	}

	@Bean
	DefaultJmsListenerContainerFactory jmsListenerContainerFactory(ConnectionFactory connectionFactory) {
		DefaultJmsListenerContainerFactory factory = new DefaultJmsListenerContainerFactory();
		factory.setConnectionFactory(connectionFactory);
		return factory;
	}

	@Bean
	JmsTemplate jmsTemplate(ConnectionFactory connectionFactory) {
		return new JmsTemplate(connectionFactory);
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

		@JmsListener(destination = "orders")
		void onOrder(String order) {
			this.shop.customerNames();
		}

		@JmsListener(destination = "orders-joined")
		void onOrderJoined(String order) {
			this.shop.customerNamesJoined();
		}

	}

}
