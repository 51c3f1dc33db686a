package io.authz.test.policy;

import java.util.function.Supplier;

/** A value computed on first use and kept; a failure is thrown again on every use. */
final class Lazy<T> implements Supplier<T> {

	private final Supplier<T> supplier;

	private T value;

	private RuntimeException failure;

	private Lazy(Supplier<T> supplier) {
		this.supplier = supplier;
	}

	static <T> Lazy<T> of(Supplier<T> supplier) {
		return new Lazy<>(supplier);
	}

	@Override
	public synchronized T get() {
		if (this.value == null && this.failure == null) {
			try {
				this.value = this.supplier.get();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
			}
		}
		if (this.failure != null) {
			throw this.failure;
		}
		return this.value;
	}

}
