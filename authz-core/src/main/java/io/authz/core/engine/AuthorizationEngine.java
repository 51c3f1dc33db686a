package io.authz.core.engine;

import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;

/**
 * A policy decision point. Implementations answer a whole batch in one call, so that a remote engine makes one
 * round trip per check.
 * <p>
 * An engine may throw when it cannot decide. Applications call engines through
 * {@link io.authz.core.check.Authorizer}, which turns any failure into a deny for every decision asked.
 */
public interface AuthorizationEngine {

	/** A short name for metrics, events and logs ({@code local}, {@code cerbos}, {@code authzen}). */
	String name();

	/** Decides every action on every resource of the request. */
	CheckResult check(CheckRequest request);

}
