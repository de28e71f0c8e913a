/**
 * The transactions of each recording, told by Spring's transaction managers through a
 * {@link org.springframework.transaction.TransactionExecutionListener}: no proxy, no
 * aspect. The one package that uses {@code spring-tx}.
 */
@NullMarked
package dev.querylens.transaction;

import org.jspecify.annotations.NullMarked;
