/**
 * {@code @RabbitListener} methods as tasks, one recording per message or batch. The only
 * package that depends on Spring AMQP.
 */
@NullMarked
package dev.querylens.task.amqp;

import org.jspecify.annotations.NullMarked;
