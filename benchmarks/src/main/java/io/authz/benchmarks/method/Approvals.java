package io.authz.benchmarks.method;

import io.authz.spring.method.Authorize;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The benchmarked service beans: the same trivial method with no security, with {@code @PreAuthorize} and with
 * {@code @Authorize}. The secured ones are not final so that method security can proxy them, as it does the
 * service beans of an application.
 */
final class Approvals {

	private Approvals() {
	}

	/** No security: the baseline, not proxied at all. */
	static class Unsecured {

		public String approve(ExpenseClaim e) {
			return e.getId();
		}

	}

	/** The reference rule of the comparison, as Spring Security SpEL. */
	static class SpelRule {

		@PreAuthorize("hasRole('MANAGER') and #e.department == authentication.details and #e.amount <= 1000")
		public String approve(ExpenseClaim e) {
			return e.getId();
		}

	}

	/** A role check only, as Spring Security SpEL. */
	static class SpelRole {

		@PreAuthorize("hasRole('MANAGER')")
		public String approve(ExpenseClaim e) {
			return e.getId();
		}

	}

	/**
	 * The reference rule as a Cerbos policy ({@code bench-policies/}): derived role {@code department_manager} and
	 * the condition {@code R.attr.amount <= 1000}, decided by the embedded engine.
	 */
	static class Policy {

		@Authorize(resource = "expense", action = "approve", id = "#e.id", attributes = "#e")
		public String approve(ExpenseClaim e) {
			return e.getId();
		}

	}

}
