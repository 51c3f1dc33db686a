package io.authz.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

}
