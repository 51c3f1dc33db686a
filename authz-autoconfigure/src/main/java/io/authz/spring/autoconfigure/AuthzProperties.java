package io.authz.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.core.embedded.SchemaEnforcement;
import io.authz.core.pip.FailurePolicy;
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

	private final Server server = new Server();

	private final Http http = new Http();

	private final Pip pip = new Pip();

	private final Audit audit = new Audit();

	private final Metrics metrics = new Metrics();

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

	public Audit getAudit() {
		return this.audit;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Server getServer() {
		return this.server;
	}

	public Http getHttp() {
		return this.http;
	}

	public Pip getPip() {
		return this.pip;
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

		/**
		 * Whether to reload 'file:' policies when they change. A change that does not compile is rejected and the
		 * last good policies keep serving.
		 */
		private boolean watch;

		/**
		 * Policy version used when a request names none.
		 */
		private String defaultPolicyVersion = "default";

		/**
		 * Whether a request whose scope has no policies falls back to the nearest parent scope that has some,
		 * instead of matching nothing (Cerbos' lenient scope search).
		 */
		private boolean lenientScopeSearch;

		/**
		 * What to do when principal or resource attributes do not match the JSON schemas a resource policy
		 * declares: 'none' (do not validate), 'warn' (report the errors with the decision) or 'reject' (deny).
		 */
		private SchemaEnforcement schemaEnforcement = SchemaEnforcement.NONE;

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

		public boolean isWatch() {
			return this.watch;
		}

		public void setWatch(boolean watch) {
			this.watch = watch;
		}

		public String getDefaultPolicyVersion() {
			return this.defaultPolicyVersion;
		}

		public void setDefaultPolicyVersion(String defaultPolicyVersion) {
			this.defaultPolicyVersion = defaultPolicyVersion;
		}

		public boolean isLenientScopeSearch() {
			return this.lenientScopeSearch;
		}

		public void setLenientScopeSearch(boolean lenientScopeSearch) {
			this.lenientScopeSearch = lenientScopeSearch;
		}

		public SchemaEnforcement getSchemaEnforcement() {
			return this.schemaEnforcement;
		}

		public void setSchemaEnforcement(SchemaEnforcement schemaEnforcement) {
			this.schemaEnforcement = schemaEnforcement;
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
	 * Audit properties: decision events and where they are bridged to.
	 */
	public static class Audit {

		/**
		 * Whether to publish an AuthorizationDecisionEvent for every decision, and bridge decisions to the
		 * AuditEventRepository, Spring Security authorization events and the decision log.
		 */
		private boolean enabled = true;

		/**
		 * Whether to put principal and resource attribute values in decision events, audit events and the
		 * decision log. Off by default: attributes can be personal data.
		 */
		private boolean includeAttributes;

		/**
		 * Whether to write every decision as one line of JSON to the 'io.authz.decisions' logger, at INFO level.
		 */
		private boolean decisionLog;

		/**
		 * Whether to publish decisions as Spring Security authorization events, through the application's
		 * AuthorizationEventPublisher if it defines one, or else as Spring Security does by default (denials
		 * only).
		 */
		private boolean securityEvents = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isIncludeAttributes() {
			return this.includeAttributes;
		}

		public void setIncludeAttributes(boolean includeAttributes) {
			this.includeAttributes = includeAttributes;
		}

		public boolean isDecisionLog() {
			return this.decisionLog;
		}

		public void setDecisionLog(boolean decisionLog) {
			this.decisionLog = decisionLog;
		}

		public boolean isSecurityEvents() {
			return this.securityEvents;
		}

		public void setSecurityEvents(boolean securityEvents) {
			this.securityEvents = securityEvents;
		}

	}

	/**
	 * Metrics properties.
	 */
	public static class Metrics {

		/**
		 * Maximum number of distinct values of the 'resource' and of the 'action' tag of the 'authz.decisions'
		 * metric. Values seen after the limit is reached are recorded as 'other', so that requests with made-up
		 * resource kinds or actions cannot create unbounded numbers of meters.
		 */
		private int maxTagValues = 100;

		public int getMaxTagValues() {
			return this.maxTagValues;
		}

		public void setMaxTagValues(int maxTagValues) {
			this.maxTagValues = maxTagValues;
		}

	}


	/**
	 * Properties of the policy decision point endpoints: Cerbos' check API and the AuthZEN 1.0 API, served over
	 * the configured engine.
	 */
	public static class Server {

		/**
		 * Whether to serve the configured engine as a policy decision point over HTTP: 'POST /api/check/resources'
		 * (Cerbos' check API) and the AuthZEN 1.0 endpoints under '/access/v1/' and
		 * '/.well-known/authzen-configuration'.
		 */
		private boolean enabled;

		/**
		 * API key the PDP endpoints require, as 'Authorization: Bearer <key>' or as the bare key. When set, a
		 * dedicated security filter chain guards the PDP paths (and only them) with this key; when unset, the
		 * application's own security rules apply to them.
		 */
		private String apiKey;

		/**
		 * Maximum number of resources in one check request (AuthZEN: distinct resources in one evaluations
		 * request); more is rejected with 400.
		 */
		private int maxResourcesPerRequest = 50;

		/**
		 * Maximum number of actions per resource in one check request; more is rejected with 400. An AuthZEN
		 * evaluations request may hold at most max-resources-per-request x max-actions-per-resource evaluations.
		 */
		private int maxActionsPerResource = 50;

		/**
		 * Base URL the PDP advertises in its AuthZEN metadata ('policy_decision_point'). Derived from each
		 * metadata request when unset.
		 */
		private String baseUrl;

		private final AuxData auxData = new AuxData();

		private final Search search = new Search();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getApiKey() {
			return this.apiKey;
		}

		public void setApiKey(String apiKey) {
			this.apiKey = apiKey;
		}

		public int getMaxResourcesPerRequest() {
			return this.maxResourcesPerRequest;
		}

		public void setMaxResourcesPerRequest(int maxResourcesPerRequest) {
			this.maxResourcesPerRequest = maxResourcesPerRequest;
		}

		public int getMaxActionsPerResource() {
			return this.maxActionsPerResource;
		}

		public void setMaxActionsPerResource(int maxActionsPerResource) {
			this.maxActionsPerResource = maxActionsPerResource;
		}

		public String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public AuxData getAuxData() {
			return this.auxData;
		}

		public Search getSearch() {
			return this.search;
		}

		/**
		 * What AuthZEN searches look through, in addition to the principals and resources of the attribute files
		 * ('authz.pip.principals', 'authz.pip.resources').
		 */
		public static class Search {

			/**
			 * Subject ids by subject type. The principals of 'authz.pip.principals' are subjects of the type
			 * their 'type' attribute names, 'user' when they have none.
			 */
			private Map<String, List<String>> subjects = new LinkedHashMap<>();

			/**
			 * Resource ids by resource type.
			 */
			private Map<String, List<String>> resources = new LinkedHashMap<>();

			/**
			 * Actions by resource type: what an action search asks about a resource of that type.
			 */
			private Map<String, List<String>> actions = new LinkedHashMap<>();

			public Map<String, List<String>> getSubjects() {
				return this.subjects;
			}

			public void setSubjects(Map<String, List<String>> subjects) {
				this.subjects = subjects;
			}

			public Map<String, List<String>> getResources() {
				return this.resources;
			}

			public void setResources(Map<String, List<String>> resources) {
				this.resources = resources;
			}

			public Map<String, List<String>> getActions() {
				return this.actions;
			}

			public void setActions(Map<String, List<String>> actions) {
				this.actions = actions;
			}

		}

		/**
		 * Auxiliary data of check requests.
		 */
		public static class AuxData {

			private final Jwt jwt = new Jwt();

			public Jwt getJwt() {
				return this.jwt;
			}

		}

		/**
		 * JWTs sent as auxiliary data ('auxData.jwt' of a check request, 'cerbos.auxData' of an AuthZEN context),
		 * exposed to conditions as 'request.auxData.jwt'.
		 */
		public static class Jwt {

			/**
			 * JSON Web Key Set URI of the keys that sign auxiliary data JWTs. Without it (and without
			 * disable-verification) requests carrying JWTs are rejected.
			 */
			private String jwkSetUri;

			/**
			 * Whether to accept auxiliary data JWTs without verifying their signature (their expiry is still
			 * checked). Only for callers that verified the token already.
			 */
			private boolean disableVerification;

			/**
			 * Clock skew tolerated when checking the 'exp' and 'nbf' claims.
			 */
			private Duration acceptableTimeSkew = Duration.ZERO;

			public String getJwkSetUri() {
				return this.jwkSetUri;
			}

			public void setJwkSetUri(String jwkSetUri) {
				this.jwkSetUri = jwkSetUri;
			}

			public boolean isDisableVerification() {
				return this.disableVerification;
			}

			public void setDisableVerification(boolean disableVerification) {
				this.disableVerification = disableVerification;
			}

			public Duration getAcceptableTimeSkew() {
				return this.acceptableTimeSkew;
			}

			public void setAcceptableTimeSkew(Duration acceptableTimeSkew) {
				this.acceptableTimeSkew = acceptableTimeSkew;
			}

		}

	}




	/**
	 * Properties of HTTP request authorization.
	 */
	public static class Http {

		/**
		 * HTTP request rules, tried in order: the first whose path pattern and method match the request decides
		 * it with a policy check. Exposed as the 'PolicyRequestAuthorizationManager' bean for the application's
		 * own security filter chain.
		 */
		private List<Rule> rules = new ArrayList<>();

		public List<Rule> getRules() {
			return this.rules;
		}

		public void setRules(List<Rule> rules) {
			this.rules = rules;
		}

		/**
		 * A rule mapping requests to a policy check.
		 */
		public static class Rule {

			/**
			 * Path pattern the rule matches, with path variables ('/api/documents/{id}', '/reports/**').
			 */
			private String path;

			/**
			 * HTTP methods the rule matches; every method when empty.
			 */
			private List<String> methods = new ArrayList<>();

			/**
			 * Resource kind checked; selects the resource policy.
			 */
			private String resource;

			/**
			 * Name of the path variable holding the resource id; the id is empty when unset.
			 */
			private String id;

			/**
			 * Action checked. When unset it follows the method: GET and HEAD 'read', POST 'create', PUT and PATCH
			 * 'update', DELETE 'delete', any other method its lower-case name.
			 */
			private String action;

			/**
			 * Resource attributes taken from the request, by attribute name: 'header:<header name>',
			 * 'query:<query parameter>' or 'path:<path variable>'. A missing value leaves the attribute out.
			 */
			private Map<String, String> attributes = new LinkedHashMap<>();

			public String getPath() {
				return this.path;
			}

			public void setPath(String path) {
				this.path = path;
			}

			public List<String> getMethods() {
				return this.methods;
			}

			public void setMethods(List<String> methods) {
				this.methods = methods;
			}

			public String getResource() {
				return this.resource;
			}

			public void setResource(String resource) {
				this.resource = resource;
			}

			public String getId() {
				return this.id;
			}

			public void setId(String id) {
				this.id = id;
			}

			public String getAction() {
				return this.action;
			}

			public void setAction(String action) {
				this.action = action;
			}

			public Map<String, String> getAttributes() {
				return this.attributes;
			}

			public void setAttributes(Map<String, String> attributes) {
				this.attributes = attributes;
			}

		}

	}


	/**
	 * Properties of policy information points: attribute providers consulted before every check.
	 */
	public static class Pip {

		/**
		 * Locations of JSON or YAML files of principal attributes keyed by principal id ('roles' and any other
		 * attributes), merged into every check: for example 'file:principals.json'. Several files are consulted in
		 * order.
		 */
		private List<String> principals = new ArrayList<>();

		/**
		 * Locations of JSON or YAML files of resource attributes keyed by resource id, by resource kind: for
		 * example 'authz.pip.resources.record=file:records.json'. Merged into every check of that kind, and the
		 * resources AuthZEN resource search looks through.
		 */
		private Map<String, List<String>> resources = new LinkedHashMap<>();

		/**
		 * Whether the principals file's values replace those of the request (otherwise the request's attributes
		 * win and the file's roles are added).
		 */
		private boolean principalsAuthoritative;

		/**
		 * How long answers of PrincipalAttributeProvider and ResourceAttributeProvider beans are cached; 0 turns
		 * caching off.
		 */
		private Duration cacheTtl = Duration.ofSeconds(60);

		/**
		 * Maximum number of cached answers per provider bean.
		 */
		private int cacheMaxSize = 10000;

		/**
		 * How long a provider bean may take to answer before the lookup counts as failed; 0 for no limit.
		 */
		private Duration timeout = Duration.ofMillis(500);

		/**
		 * What a provider bean's failure or timeout does to the check: 'deny' (every decision of the check is a
		 * deny) or 'ignore' (the check goes on without that provider's attributes).
		 */
		private FailurePolicy failurePolicy = FailurePolicy.DENY;

		public List<String> getPrincipals() {
			return this.principals;
		}

		public void setPrincipals(List<String> principals) {
			this.principals = principals;
		}

		public Map<String, List<String>> getResources() {
			return this.resources;
		}

		public void setResources(Map<String, List<String>> resources) {
			this.resources = resources;
		}

		public boolean isPrincipalsAuthoritative() {
			return this.principalsAuthoritative;
		}

		public void setPrincipalsAuthoritative(boolean principalsAuthoritative) {
			this.principalsAuthoritative = principalsAuthoritative;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public int getCacheMaxSize() {
			return this.cacheMaxSize;
		}

		public void setCacheMaxSize(int cacheMaxSize) {
			this.cacheMaxSize = cacheMaxSize;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public FailurePolicy getFailurePolicy() {
			return this.failurePolicy;
		}

		public void setFailurePolicy(FailurePolicy failurePolicy) {
			this.failurePolicy = failurePolicy;
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
