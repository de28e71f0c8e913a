package dev.querylens.listeners;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An application whose N+1 runs in a {@code @KafkaListener}, over an embedded KRaft
 * broker in the JVM (one node, one partition per topic), whose twin listener reads the
 * same in one join, and whose batch listener reads one customer per record of the batch.
 * Each listener has a consumer group of its own, so that their consumers joining do not
 * make one another's groups rebalance.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@EnableKafka
public class KafkaListenersTestApplication {

	static final String ORDERS = "orders";

	static final String ORDERS_JOINED = "orders-joined";

	static final String ORDERS_BATCH = "orders-batch";

	@Bean(destroyMethod = "destroy")
	EmbeddedKafkaBroker broker() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, ORDERS, ORDERS_JOINED, ORDERS_BATCH);
		broker.afterPropertiesSet();
		return broker;
	}

	@Bean
	ConsumerFactory<String, String> consumerFactory(EmbeddedKafkaBroker broker) {
		return new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString(),
				// Records sent before the partition was assigned are read too.
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory(
			ConsumerFactory<String, String> consumerFactory) {
		ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumerFactory);
		return factory;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, String> batchFactory(
			ConsumerFactory<String, String> consumerFactory) {
		ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumerFactory);
		factory.setBatchListener(true);
		return factory;
	}

	// A bean, so that its producer is closed before the broker stops.
	@Bean
	DefaultKafkaProducerFactory<String, String> producerFactory(EmbeddedKafkaBroker broker) {
		return new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
	}

	@Bean
	KafkaTemplate<String, String> kafkaTemplate(DefaultKafkaProducerFactory<String, String> producerFactory) {
		return new KafkaTemplate<>(producerFactory);
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
	 * Reads the customers of the orders a record is about.
	 */
	static class OrderListener {

		private final ListenerShop shop;

		final AtomicInteger batches = new AtomicInteger();

		OrderListener(ListenerShop shop) {
			this.shop = shop;
		}

		@KafkaListener(topics = ORDERS, groupId = ORDERS)
		void onOrder(String order) {
			this.shop.customerNames();
		}

		@KafkaListener(topics = ORDERS_JOINED, groupId = ORDERS_JOINED)
		void onOrderJoined(String order) {
			this.shop.customerNamesJoined();
		}

		// Each record is a customer's id.
		@KafkaListener(topics = ORDERS_BATCH, groupId = ORDERS_BATCH, containerFactory = "batchFactory")
		void onOrders(List<String> customerIds) {
			this.batches.incrementAndGet();
			customerIds.forEach((id) -> this.shop.customerName(Integer.parseInt(id)));
		}

	}

}
