package io.authz.benchmarks.method;

/**
 * The argument of the benchmarked service methods: an expense claim, read by {@code @PreAuthorize} expressions as
 * {@code #e.department} and by {@code @Authorize} as the resource attributes.
 */
public final class ExpenseClaim {

	private final String id;

	private final String department;

	private final int amount;

	/**
	 * Creates a claim.
	 * @param id the claim id
	 * @param department the department it was filed in
	 * @param amount the amount
	 */
	public ExpenseClaim(String id, String department, int amount) {
		this.id = id;
		this.department = department;
		this.amount = amount;
	}

	public String getId() {
		return this.id;
	}

	public String getDepartment() {
		return this.department;
	}

	public int getAmount() {
		return this.amount;
	}

}
