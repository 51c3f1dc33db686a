package io.authz.sample.expense;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * An expense claim. Status changes go through the methods below so that the life cycle in {@link ExpenseStatus} holds
 * even for principals that policies allow to do everything.
 */
@Entity
public class Expense {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String owner;

	@Column(nullable = false)
	private String department;

	@Column(nullable = false, precision = 12, scale = 2)
	private BigDecimal amount;

	@Column(nullable = false, length = 3)
	private String currency;

	@Column(nullable = false)
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ExpenseStatus status;

	private String reviewedBy;

	protected Expense() {
	}

	public Expense(String owner, String department, BigDecimal amount, String currency, String description) {
		this.owner = owner;
		this.department = department;
		this.amount = amount;
		this.currency = currency;
		this.description = description;
		this.status = ExpenseStatus.DRAFT;
	}

	public Long getId() {
		return this.id;
	}

	public String getOwner() {
		return this.owner;
	}

	public String getDepartment() {
		return this.department;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public String getCurrency() {
		return this.currency;
	}

	public String getDescription() {
		return this.description;
	}

	public ExpenseStatus getStatus() {
		return this.status;
	}

	public String getReviewedBy() {
		return this.reviewedBy;
	}

	void change(BigDecimal amount, String currency, String description) {
		expectStatus(ExpenseStatus.DRAFT, "changed");
		this.amount = amount;
		this.currency = currency;
		this.description = description;
	}

	void submit() {
		expectStatus(ExpenseStatus.DRAFT, "submitted");
		this.status = ExpenseStatus.SUBMITTED;
	}

	void approve(String reviewer) {
		expectStatus(ExpenseStatus.SUBMITTED, "approved");
		this.status = ExpenseStatus.APPROVED;
		this.reviewedBy = reviewer;
	}

	void reject(String reviewer) {
		expectStatus(ExpenseStatus.SUBMITTED, "rejected");
		this.status = ExpenseStatus.REJECTED;
		this.reviewedBy = reviewer;
	}

	void pay() {
		expectStatus(ExpenseStatus.APPROVED, "paid");
		this.status = ExpenseStatus.PAID;
	}

	void checkDeletable() {
		expectStatus(ExpenseStatus.DRAFT, "deleted");
	}

	private void expectStatus(ExpenseStatus expected, String change) {
		if (this.status != expected) {
			throw new ExpenseStateException(this.id, this.status, expected, change);
		}
	}

}
