package dev.querylens.demo.jobs;

import org.springframework.context.annotation.Profile;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stands in for the shop's checkout: sends "an order was placed" to both listeners'
 * queues on the embedded broker, on the jobs' schedule.
 */
@Component
@Profile("jobs")
class OrderPlacedEvents {

	private final JmsTemplate jms;

	OrderPlacedEvents(JmsTemplate jms) {
		this.jms = jms;
	}

	@Scheduled(initialDelayString = "${demo.jobs.initial-delay:5s}", fixedDelayString = "${demo.jobs.interval:60s}")
	public void orderPlaced() {
		this.jms.convertAndSend(OrderPlacedListener.QUEUE, "order placed");
		this.jms.convertAndSend(OrderPlacedListener.QUEUE_FETCHED, "order placed");
	}

}
