package io.authz.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for authz.
 */
@ConfigurationProperties("authz")
public class AuthzProperties {

	/**
	 * Whether to enable policy-based authorization.
	 */
	private boolean enabled = true;

	/**
	 * Engine that makes the decisions.
	 */
	private EngineType engine = EngineType.LOCAL;

	private final Local local = new Local();

	private final Principal principal = new Principal();

	private final Web web = new Web();

	private final Remote remote = new Remote();

	private final Cache cache = new Cache();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public EngineType getEngine() {
		return this.engine;
	}

	public void setEngine(EngineType engine) {
		this.engine = engine;
	}

	public Local getLocal() {
		return this.local;
	}

	public Principal getPrincipal() {
		return this.principal;
	}

	public Web getWeb() {
		return this.web;
	}

	public Remote getRemote() {
		return this.remote;
	}

	public Cache getCache() {
		return this.cache;
	}

	/**
	 * The engines that can make decisions.
	 */
	public enum EngineType {

		/**
		 * The embedded engine, evaluating policies in the application.
		 */
		LOCAL,

		/**
		 * A remote Cerbos policy decision point, over its HTTP API.
		 */
		CERBOS,

		/**
		 * A remote AuthZEN 1.0 policy decision point.
		 */
		AUTHZEN

	}

	/**
	 * Properties of the embedded engine.
	 */
	public static class Local {

		/**
		 * Location of the policy directory, as a Spring resource location ('classpath:' or 'file:'). Every
		 * '.yaml', '.yml' and '.json' file below it is loaded.
		 */
		private String policies = "classpath:policies/";

		/**
		 * Whether a condition that fails to evaluate denies, instead of being false.
		 */
		private boolean strictEvaluation;

		/**
		 * Values exposed to policy conditions as 'G' and 'globals'.
		 */
		private Map<String, Object> globals = new LinkedHashMap<>();

		public String getPolicies() {
			return this.policies;
		}

		public void setPolicies(String policies) {
			this.policies = policies;
		}

		public boolean isStrictEvaluation() {
			return this.strictEvaluation;
		}

		public void setStrictEvaluation(boolean strictEvaluation) {
			this.strictEvaluation = strictEvaluation;
		}

		public Map<String, Object> getGlobals() {
			return this.globals;
		}

		public void setGlobals(Map<String, Object> globals) {
			this.globals = globals;
		}

	}

	/**
	 * Properties of principal resolution.
	 */
	public static class Principal {

		/**
		 * Prefixes removed from granted authorities to make principal roles; the first that matches is removed.
		 */
		private List<String> authorityPrefixes = new ArrayList<>(List.of("ROLE_", "SCOPE_"));

		public List<String> getAuthorityPrefixes() {
			return this.authorityPrefixes;
		}

		public void setAuthorityPrefixes(List<String> authorityPrefixes) {
			this.authorityPrefixes = authorityPrefixes;
		}

	}

	/**
	 * Web properties.
	 */
	public static class Web {

		/**
		 * Whether to answer a policy deny in a Spring MVC request with an RFC 9457 problem detail (HTTP 403).
		 */
		private boolean problemDetails = true;

		public boolean isProblemDetails() {
			return this.problemDetails;
		}

		public void setProblemDetails(boolean problemDetails) {
			this.problemDetails = problemDetails;
		}

	}

	/**
	 * Properties of the remote engines ('cerbos' and 'authzen').
	 */
	public static class Remote {

		/**
		 * Base URL of the remote policy decision point, for example 'http://localhost:3592'.
		 */
		private @Nullable String url;

		/**
		 * Longest a check waits for the remote policy decision point, retries included. Past it, every decision
		 * of the check is a deny.
		 */
		private Duration timeout = Duration.ofMillis(250);

		/**
		 * API key sent to the remote policy decision point as 'Authorization: Bearer <key>'.
		 */
		private @Nullable String apiKey;

		private final Retry retry = new Retry();

		private final CircuitBreaker circuitBreaker = new CircuitBreaker();

		private final Authzen authzen = new Authzen();

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable String getApiKey() {
			return this.apiKey;
		}

		public void setApiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public CircuitBreaker getCircuitBreaker() {
			return this.circuitBreaker;
		}

		public Authzen getAuthzen() {
			return this.authzen;
		}

		/**
		 * Retries of calls that could not connect, or lost their connection before an answer. Answers, errors
		 * included, are never retried.
		 */
		public static class Retry {

			/**
			 * Attempts per call, the first included; 1 turns retries off. Retries stop at the timeout.
			 */
			private int maxAttempts = 3;

			/**
			 * Wait before the first retry, doubled for each further one.
			 */
			private Duration backoff = Duration.ofMillis(10);

			public int getMaxAttempts() {
				return this.maxAttempts;
			}

			public void setMaxAttempts(int maxAttempts) {
				this.maxAttempts = maxAttempts;
			}

			public Duration getBackoff() {
				return this.backoff;
			}

			public void setBackoff(Duration backoff) {
				this.backoff = backoff;
			}

		}

		/**
		 * Circuit breaker in front of the remote policy decision point: once it fails often enough, checks are
		 * denied at once without calling it, until a probe call succeeds.
		 */
		public static class CircuitBreaker {

			/**
			 * Percentage of failed calls, among the last calls, that opens the circuit.
			 */
			private float failureRateThreshold = 50;

			/**
			 * Number of last calls the failure rate is computed over.
			 */
			private int windowSize = 20;

			/**
			 * Calls needed before the failure rate counts.
			 */
			private int minimumCalls = 5;

			/**
			 * How long an open circuit denies without calling, before one probe call may close it again.
			 */
			private Duration waitInOpenState = Duration.ofSeconds(2);

			public float getFailureRateThreshold() {
				return this.failureRateThreshold;
			}

			public void setFailureRateThreshold(float failureRateThreshold) {
				this.failureRateThreshold = failureRateThreshold;
			}

			public int getWindowSize() {
				return this.windowSize;
			}

			public void setWindowSize(int windowSize) {
				this.windowSize = windowSize;
			}

			public int getMinimumCalls() {
				return this.minimumCalls;
			}

			public void setMinimumCalls(int minimumCalls) {
				this.minimumCalls = minimumCalls;
			}

			public Duration getWaitInOpenState() {
				return this.waitInOpenState;
			}

			public void setWaitInOpenState(Duration waitInOpenState) {
				this.waitInOpenState = waitInOpenState;
			}

		}

		/**
		 * Properties of the AuthZEN engine.
		 */
		public static class Authzen {

			/**
			 * Subject property the principal's roles are sent in. Cerbos reads 'cerbos.roles'; authz's own PDP
			 * endpoints read 'roles' and 'cerbos.roles'.
			 */
			private String rolesProperty = "cerbos.roles";

			/**
			 * Whether to read the endpoints from the PDP's '/.well-known/authzen-configuration' metadata, when it
			 * publishes any, instead of using the standard paths.
			 */
			private boolean discovery = true;

			public String getRolesProperty() {
				return this.rolesProperty;
			}

			public void setRolesProperty(String rolesProperty) {
				this.rolesProperty = rolesProperty;
			}

			public boolean isDiscovery() {
				return this.discovery;
			}

			public void setDiscovery(boolean discovery) {
				this.discovery = discovery;
			}

		}

	}

	/**
	 * Properties of the decision cache, in front of any engine.
	 */
	public static class Cache {

		/**
		 * How long a decision is reused for an identical check (same principal, resources, attributes, actions
		 * and auxiliary data). Zero turns the cache off. Failures are never cached.
		 */
		private Duration ttl = Duration.ofSeconds(0);

		/**
		 * Maximum number of cached checks.
		 */
		private long maxSize = 10000;

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public long getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(long maxSize) {
			this.maxSize = maxSize;
		}

	}

}
