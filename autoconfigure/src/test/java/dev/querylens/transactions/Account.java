package dev.querylens.transactions;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An account whose balance the application changes in Java, so that Hibernate flushes an
 * UPDATE at commit.
 */
@Entity
@Table(name = "txn_account")
public class Account {

	@Id
	private Long id;

	private String name;

	private int balance;

	protected Account() {
	}

	Account(Long id, String name, int balance) {
		this.id = id;
		this.name = name;
		this.balance = balance;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public int getBalance() {
		return this.balance;
	}

	public void setBalance(int balance) {
		this.balance = balance;
	}

}
