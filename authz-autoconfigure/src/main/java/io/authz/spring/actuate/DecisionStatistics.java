package io.authz.spring.actuate;

import java.util.concurrent.atomic.LongAdder;

import io.authz.core.check.CheckEvent;
import io.authz.core.check.CheckListener;
import io.authz.core.model.Decision;
import io.authz.core.model.ResourceResult;

/**
 * Counts checks and decisions since start-up, for the {@code authz} actuator endpoint, whether or not Micrometer is
 * present.
 */
public final class DecisionStatistics implements CheckListener {

	private final LongAdder allowed = new LongAdder();

	private final LongAdder denied = new LongAdder();

	private final LongAdder decidedChecks = new LongAdder();

	private final LongAdder failedChecks = new LongAdder();

	@Override
	public void onCheck(CheckEvent event) {
		(event.isFailure() ? this.failedChecks : this.decidedChecks).increment();
		for (ResourceResult result : event.result().results()) {
			for (Decision decision : result.decisions().values()) {
				(decision.isAllowed() ? this.allowed : this.denied).increment();
			}
		}
	}

	/**
	 * How many decisions allowed.
	 * @return the number of allows
	 */
	public long getAllowed() {
		return this.allowed.sum();
	}

	/**
	 * How many decisions denied, including those the engine could not make.
	 * @return the number of denies
	 */
	public long getDenied() {
		return this.denied.sum();
	}

	/**
	 * How many checks the engine decided.
	 * @return the number of checks decided
	 */
	public long getDecidedChecks() {
		return this.decidedChecks.sum();
	}

	/**
	 * How many checks the engine failed, all denied.
	 * @return the number of failed checks
	 */
	public long getFailedChecks() {
		return this.failedChecks.sum();
	}

}
