package io.authz.sample.expense;

/**
 * Thrown when a request is well-formed but names something that does not exist, such as an unknown owner.
 */
public class InvalidExpenseException extends RuntimeException {

	public InvalidExpenseException(String message) {
		super(message);
	}

}
