/**
 * {@code @JmsListener} methods as tasks, one recording per message. The only package that
 * depends on Spring JMS and the JMS API.
 */
@NullMarked
package dev.querylens.task.jms;

import org.jspecify.annotations.NullMarked;
