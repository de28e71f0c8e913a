/**
 * {@code @KafkaListener} methods as tasks, one recording per record or batch. The only
 * package that depends on Spring for Apache Kafka.
 */
@NullMarked
package dev.querylens.task.kafka;

import org.jspecify.annotations.NullMarked;
