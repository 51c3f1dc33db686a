package io.authz.sample.expense;

/**
 * Where an expense is in its life cycle: {@code DRAFT -> SUBMITTED -> APPROVED -> PAID}, or
 * {@code SUBMITTED -> REJECTED}.
 */
public enum ExpenseStatus {

	/** Being written by its owner. */
	DRAFT,

	/** Waiting for a manager. */
	SUBMITTED,

	/** Accepted by a manager, waiting for payment. */
	APPROVED,

	/** Turned down by a manager. */
	REJECTED,

	/** Paid out by finance. */
	PAID

}
