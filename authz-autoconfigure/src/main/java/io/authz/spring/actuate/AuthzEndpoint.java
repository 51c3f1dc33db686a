package io.authz.spring.actuate;

import java.util.List;
import java.util.Locale;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.compile.PolicyInfo;
import io.authz.core.embedded.compile.PolicySet;
import io.authz.core.engine.AuthorizationEngine;
import io.authz.spring.policy.PolicyReloadStatus;
import io.authz.spring.policy.PolicyReloader;
import io.authz.spring.policy.PolicyWatcher;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.Assert;

/**
 * The {@code authz} actuator endpoint: which engine decides, with which policies (and how the last policy load
 * went), and how many decisions it has made. Its write operation reloads the policies of the embedded engine.
 */
@Endpoint(id = "authz")
public class AuthzEndpoint {

	private final AuthorizationEngine engine;

	private final @Nullable PolicyReloader reloader;

	private final @Nullable PolicyWatcher watcher;

	private final DecisionStatistics statistics;

	/**
	 * Creates an endpoint.
	 * @param engine the engine that decides
	 * @param reloader reloads the embedded engine's policies, or {@code null}
	 * @param watcher watches the policy files, or {@code null}
	 * @param statistics counts decisions
	 */
	public AuthzEndpoint(AuthorizationEngine engine, @Nullable PolicyReloader reloader,
			@Nullable PolicyWatcher watcher, DecisionStatistics statistics) {
		Assert.notNull(engine, "'engine' must not be null");
		Assert.notNull(statistics, "'statistics' must not be null");
		this.engine = engine;
		this.reloader = reloader;
		this.watcher = watcher;
		this.statistics = statistics;
	}

	/**
	 * Describes the engine, its policies and its decisions.
	 * @return the description
	 */
	@ReadOperation
	public AuthzDescriptor authz() {
		return new AuthzDescriptor(this.engine.name(), policySet(), lastReload(),
				new DecisionsDescriptor(this.statistics.getAllowed(), this.statistics.getDenied()),
				new ChecksDescriptor(this.statistics.getDecidedChecks(), this.statistics.getFailedChecks()));
	}

	/**
	 * Reloads the policies of the embedded engine from their location. A set that does not compile is rejected
	 * and the current one keeps serving.
	 * @return how the reload went
	 * @throws InvalidEndpointRequestException (a 400 over HTTP) when the engine has no policies to reload
	 */
	@WriteOperation
	public ReloadDescriptor reload() {
		if (this.reloader == null || !this.reloader.isSupported()) {
			String message = "Engine '" + this.engine.name() + "' has no policies in the application to reload";
			throw new InvalidEndpointRequestException(message, message);
		}
		return ReloadDescriptor.of(this.reloader.reload(PolicyReloader.ENDPOINT));
	}

	private @Nullable PolicySetDescriptor policySet() {
		if (!(this.engine instanceof EmbeddedEngine embedded)) {
			return null;
		}
		PolicySet set = embedded.policySet();
		boolean watching = this.watcher != null && this.watcher.isRunning();
		String location = (this.reloader != null) ? this.reloader.getLocation() : null;
		if (set == null) {
			return new PolicySetDescriptor(location, watching, null, List.of());
		}
		return new PolicySetDescriptor(location, watching, set.digest(),
				set.policies().stream().map(PolicyDescriptor::of).toList());
	}

	private @Nullable ReloadDescriptor lastReload() {
		PolicyReloadStatus status = (this.reloader != null) ? this.reloader.lastReload() : null;
		return (status != null) ? ReloadDescriptor.of(status) : null;
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param engine the name of the engine that decides
	 * @param policySet the embedded engine's policies, or {@code null} for other engines
	 * @param lastReload how the last policy load went, or {@code null} for other engines
	 * @param decisions decisions since start-up, by effect
	 * @param checks checks since start-up, by outcome
	 */
	public record AuthzDescriptor(String engine, @Nullable PolicySetDescriptor policySet,
			@Nullable ReloadDescriptor lastReload, DecisionsDescriptor decisions,
			ChecksDescriptor checks) implements OperationResponseBody {

	}

	/**
	 * The policies the embedded engine decides with.
	 *
	 * @param location where they are read from
	 * @param watching whether changes to them are reloaded
	 * @param digest the digest of the set: equal digests, equal policies
	 * @param policies every policy, in file order
	 */
	public record PolicySetDescriptor(@Nullable String location, boolean watching, @Nullable String digest,
			List<PolicyDescriptor> policies) {

	}

	/**
	 * One policy.
	 *
	 * @param kind resource, principal, role, derived_roles, export_variables or export_constants
	 * @param name the resource kind, principal, role or set name
	 * @param version the version, where the kind has one
	 * @param scope the scope, where the kind has one
	 * @param key the key decisions report
	 * @param source the file it came from, relative to the policy location
	 * @param disabled whether it is disabled
	 */
	public record PolicyDescriptor(String kind, String name, @Nullable String version, @Nullable String scope,
			@Nullable String key, String source, boolean disabled) {

		static PolicyDescriptor of(PolicyInfo info) {
			return new PolicyDescriptor(info.kind(), info.name(), info.version(), info.scope(), info.key(),
					info.source(), info.disabled());
		}

	}

	/**
	 * How a policy load went.
	 *
	 * @param time when it finished
	 * @param trigger what asked for it: startup, watch, endpoint
	 * @param outcome success or failure
	 * @param digest the digest of the set in use after it
	 * @param policies how many policies that set has
	 * @param errors the problems of a rejected set, each naming its file
	 * @param durationMillis how long reading and compiling took
	 */
	public record ReloadDescriptor(String time, String trigger, String outcome, @Nullable String digest,
			int policies, List<String> errors, long durationMillis) implements OperationResponseBody {

		static ReloadDescriptor of(PolicyReloadStatus status) {
			return new ReloadDescriptor(status.time().toString(), status.trigger(),
					status.outcome().name().toLowerCase(Locale.ROOT), status.digest(), status.policies(),
					status.errors(), status.duration().toMillis());
		}

	}

	/**
	 * Decisions since start-up.
	 *
	 * @param allow how many allowed
	 * @param deny how many denied, including those of failed checks
	 */
	public record DecisionsDescriptor(long allow, long deny) {

	}

	/**
	 * Checks since start-up.
	 *
	 * @param decided how many the engine decided
	 * @param error how many failed (and were denied)
	 */
	public record ChecksDescriptor(long decided, long error) {

	}

}
