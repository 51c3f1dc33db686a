package io.authz.spring.server;

import io.authz.core.protocol.ProtocolException;
import io.authz.core.protocol.cerbos.CheckResourcesRequest;

/**
 * How much one PDP request may ask: resources per request and actions per resource, as Cerbos' request limits.
 *
 * @param maxResourcesPerRequest resources in one check request
 * @param maxActionsPerResource actions per resource in one check request
 */
public record PdpLimits(int maxResourcesPerRequest, int maxActionsPerResource) {

	/** Cerbos' defaults: 50 and 50. */
	public static PdpLimits defaults() {
		return new PdpLimits(50, 50);
	}

	/**
	 * Checks a Cerbos check request.
	 * @throws ProtocolException if it asks too much
	 */
	void check(CheckResourcesRequest request) {
		if (request.resources().size() > this.maxResourcesPerRequest) {
			throw new ProtocolException("resources: " + request.resources().size()
					+ " resources exceed the limit of " + this.maxResourcesPerRequest + " per request");
		}
		for (int i = 0; i < request.resources().size(); i++) {
			int actions = request.resources().get(i).actions().size();
			if (actions > this.maxActionsPerResource) {
				throw new ProtocolException("resources[" + i + "].actions: " + actions + " actions exceed the limit of "
						+ this.maxActionsPerResource + " per resource");
			}
		}
	}

	/**
	 * Checks the size of an AuthZEN evaluations request.
	 * @throws ProtocolException if it holds more evaluations than resources times actions
	 */
	void checkEvaluations(int evaluations) {
		long limit = (long) this.maxResourcesPerRequest * this.maxActionsPerResource;
		if (evaluations > limit) {
			throw new ProtocolException("evaluations: " + evaluations + " evaluations exceed the limit of " + limit
					+ " per request");
		}
	}

}
