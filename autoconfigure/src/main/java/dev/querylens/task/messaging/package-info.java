/**
 * Message listeners as tasks, whatever the broker: the listener methods Spring's
 * {@code @JmsListener}, {@code @RabbitListener} and {@code @KafkaListener} support
 * creates, each recorded as it handles a message.
 */
@NullMarked
package dev.querylens.task.messaging;

import org.jspecify.annotations.NullMarked;
