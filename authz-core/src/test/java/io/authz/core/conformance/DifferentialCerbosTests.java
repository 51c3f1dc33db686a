package io.authz.core.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.authz.core.embedded.EmbeddedEngine;
import io.authz.core.embedded.EmbeddedEngineOptions;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.authz.core.policy.PolicyDocument;
import io.authz.core.policy.PolicyFile;
import io.authz.core.policy.PolicyParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asks the embedded engine and a real Cerbos 0.55 PDP the same thousands of seeded random checks over the same
 * policies, and requires the same effect for every decision. The checks are drawn from the policies' own
 * vocabulary (kinds, versions, scopes, roles, actions, attribute names and the literals conditions compare
 * against), with attributes present and missing, glob actions and unknown values mixed in.
 */
class DifferentialCerbosTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ATTRIBUTE = Pattern.compile("attr\\.([A-Za-z_][A-Za-z0-9_]*)");

	private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]{1,40})\"|'([^'\\\\]{1,40})'");

	/** Each seed draws a different set of checks; more seeds, more of the policies' corners. */
	private static final long[] SEEDS = { 20261129L, 7L, 1234567L };

	@Test
	void cerbosStoreGivesTheSameEffects() throws Exception {
		Path store = SharedTestData.cerbosTestData().resolve("store");
		compare("store", store, Map.of("environment", "test"), 6000);
	}

	@Test
	void projectPoliciesGiveTheSameEffects() throws Exception {
		Path policies = SharedTestData.projectRoot().resolve("policies");
		compare("policies", policies, Map.of(), 3000);
	}

	private void compare(String name, Path directory, Map<String, String> globals, int resourceChecks)
			throws Exception {
		List<PolicyFile> files = EngineConformanceTests.policyFiles(directory);
		EmbeddedEngine engine = EmbeddedEngine.create(files,
				EmbeddedEngineOptions.defaults().withGlobals(new LinkedHashMap<>(globals)));
		Vocabulary vocabulary = Vocabulary.of(files);
		int perSeed = resourceChecks / SEEDS.length;
		HttpClient client = HttpClient.newHttpClient();
		int decisions = 0;
		List<String> differences = new ArrayList<>();
		try (CerbosProcess cerbos = CerbosProcess.start(directory, globals)) {
			for (long seed : SEEDS) {
				Random random = new Random(seed);
				for (int done = 0; done < perSeed;) {
					int batch = Math.min(1 + random.nextInt(20), perSeed - done);
					CheckRequest request = vocabulary.request(random, "diff-" + done, batch);
					done += batch;
					CheckResult ours = engine.check(request);
					JsonNode theirs = send(client, cerbos.baseUrl(), request);
					for (int i = 0; i < request.resources().size(); i++) {
						ResourceResult result = ours.results().get(i);
						JsonNode actions = theirs.get("results").get(i).get("actions");
						for (String action : request.resources().get(i).actions()) {
							decisions++;
							String want = actions.get(action).asString();
							String have = result.isAllowed(action) ? "EFFECT_ALLOW" : "EFFECT_DENY";
							if (!want.equals(have)) {
								differences.add(describe(request, i, action, want, have));
							}
						}
					}
				}
			}
		}
		System.out.println("differential-" + name + ": " + decisions + " decisions compared, " + differences.size()
				+ " differences");
		assertThat(decisions).isGreaterThan(resourceChecks);
		assertThat(differences).as("decisions where Cerbos and the embedded engine differ").isEmpty();
	}

	private static JsonNode send(HttpClient client, String baseUrl, CheckRequest request)
			throws IOException, InterruptedException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("requestId", request.requestId());
		body.put("principal", principalJson(request.principal()));
		List<Object> resources = new ArrayList<>();
		for (ResourceCheck check : request.resources()) {
			Resource resource = check.resource();
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("kind", resource.kind());
			json.put("id", resource.id());
			json.put("attr", resource.attributes());
			putIfSet(json, "policyVersion", resource.policyVersion());
			putIfSet(json, "scope", resource.scope());
			resources.add(Map.of("actions", check.actions(), "resource", json));
		}
		body.put("resources", resources);
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/api/check/resources"))
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
					.header("Content-Type", "application/json")
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static Map<String, Object> principalJson(Principal principal) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", principal.id());
		json.put("roles", principal.roles());
		// Cerbos sees exactly what the embedded engine's conditions see, type included.
		json.put("attr", principal.policyAttributes());
		putIfSet(json, "policyVersion", principal.policyVersion());
		putIfSet(json, "scope", principal.scope());
		return json;
	}

	private static void putIfSet(Map<String, Object> json, String key, String value) {
		if (value != null && !value.isEmpty()) {
			json.put(key, value);
		}
	}

	private static String describe(CheckRequest request, int index, String action, String want, String have) {
		Principal principal = request.principal();
		Resource resource = request.resources().get(index).resource();
		return "principal " + principal.id() + " " + principal.roles() + " " + principal.attributes() + " v"
				+ principal.policyVersion() + " scope " + principal.scope() + " | resource " + resource.kind() + " v"
				+ resource.policyVersion() + " scope " + resource.scope() + " " + resource.attributes() + " | "
				+ action + ": Cerbos " + want + ", embedded " + have;
	}

	/** What random checks are drawn from. */
	private record Vocabulary(List<String> kinds, List<String> versions, List<String> scopes, List<String> roles,
			List<String> actions, List<String> principalIds, List<String> attributes, List<Object> values) {

		static Vocabulary of(List<PolicyFile> files) {
			PolicyParser parser = new PolicyParser();
			Set<String> kinds = new LinkedHashSet<>(List.of("unknown_kind"));
			Set<String> versions = new LinkedHashSet<>(List.of("default"));
			Set<String> scopes = new LinkedHashSet<>(List.of("", "unknown"));
			Set<String> roles = new LinkedHashSet<>(List.of("unknown_role"));
			Set<String> actions = new LinkedHashSet<>(List.of("unknown_action"));
			Set<String> principals = new LinkedHashSet<>(List.of("john", "someone"));
			Set<String> attributes = new LinkedHashSet<>(List.of("owner", "department", "geography"));
			Set<Object> values = new LinkedHashSet<>(List.of(true, false, 0.0, 5.0, 100.0, 1000.0, 5000.0));
			for (PolicyFile file : files) {
				if (!PolicyParser.isPolicyPath(file.path())) {
					continue;
				}
				collectText(file.content(), attributes, values);
				PolicyParser.Parsed parsed = parser.parse(file);
				if (!parsed.isValid()) {
					continue;
				}
				PolicyDocument document = parsed.document();
				if (document.resourcePolicy() != null) {
					var policy = document.resourcePolicy();
					kinds.add(policy.resource());
					addIfSet(versions, policy.version());
					addScope(scopes, policy.scope());
					for (var rule : nonNull(policy.rules())) {
						nonNull(rule.roles()).forEach((role) -> addRole(roles, role));
						nonNull(rule.actions()).forEach((action) -> addAction(actions, action));
					}
				}
				if (document.derivedRoles() != null) {
					for (var definition : nonNull(document.derivedRoles().definitions())) {
						nonNull(definition.parentRoles()).forEach((role) -> addRole(roles, role));
					}
				}
				if (document.principalPolicy() != null) {
					var policy = document.principalPolicy();
					principals.add(policy.principal());
					addIfSet(versions, policy.version());
					addScope(scopes, policy.scope());
					for (var rule : nonNull(policy.rules())) {
						if (!rule.resource().contains("*")) {
							kinds.add(rule.resource());
						}
						nonNull(rule.actions()).forEach((action) -> addAction(actions, action.action()));
					}
				}
				if (document.rolePolicy() != null) {
					var policy = document.rolePolicy();
					addRole(roles, policy.role());
					nonNull(policy.parentRoles()).forEach((role) -> addRole(roles, role));
					addScope(scopes, policy.scope());
					for (var rule : nonNull(policy.rules())) {
						nonNull(rule.allowActions()).forEach((action) -> addAction(actions, action));
					}
				}
			}
			principals.forEach(values::add);
			return new Vocabulary(List.copyOf(kinds), List.copyOf(versions), List.copyOf(scopes), List.copyOf(roles),
					List.copyOf(actions), List.copyOf(principals), List.copyOf(attributes), List.copyOf(values));
		}

		private static void collectText(String text, Set<String> attributes, Set<Object> values) {
			Matcher attribute = ATTRIBUTE.matcher(text);
			while (attribute.find()) {
				attributes.add(attribute.group(1));
			}
			Matcher literal = STRING_LITERAL.matcher(text);
			while (literal.find()) {
				String value = (literal.group(1) != null) ? literal.group(1) : literal.group(2);
				if (!value.contains("cerbos.dev")) {
					values.add(value);
				}
			}
		}

		private static void addScope(Set<String> scopes, String scope) {
			if (scope != null && !scope.isEmpty()) {
				scopes.add(scope);
				scopes.add(scope + ".extra");
			}
		}

		private static void addRole(Set<String> roles, String role) {
			if (role != null && !role.contains("*")) {
				roles.add(role);
			}
		}

		private static void addAction(Set<String> actions, String action) {
			if (action == null) {
				return;
			}
			if (action.equals("*")) {
				actions.add("anything");
			}
			else if (action.contains("*")) {
				actions.add(action.replace("**", "x:y").replace("*", "generated"));
			}
			else {
				actions.add(action);
			}
		}

		private static void addIfSet(Set<String> set, String value) {
			if (value != null && !value.isEmpty()) {
				set.add(value);
			}
		}

		private static <T> List<T> nonNull(List<T> list) {
			return (list != null) ? list : List.of();
		}

		CheckRequest request(Random random, String requestId, int resourceCount) {
			List<String> principalRoles = new ArrayList<>(pickSome(random, this.roles, 1 + random.nextInt(3)));
			Principal principal = Principal.builder(pick(random, this.principalIds))
				.roles(principalRoles)
				.attributes(attributes(random))
				.policyVersion(random.nextInt(3) == 0 ? null : pick(random, this.versions))
				.scope(random.nextInt(3) == 0 ? null : pick(random, this.scopes))
				.build();
			List<ResourceCheck> checks = new ArrayList<>();
			for (int i = 0; i < resourceCount; i++) {
				Map<String, Object> attributes = attributes(random);
				if (random.nextBoolean()) {
					attributes.put("owner", principal.id());
				}
				Resource resource = Resource.builder(pick(random, this.kinds), "r" + i)
					.attributes(attributes)
					.policyVersion(random.nextInt(4) == 0 ? null : pick(random, this.versions))
					.scope(random.nextInt(3) == 0 ? null : pick(random, this.scopes))
					.build();
				checks.add(new ResourceCheck(resource, pickSome(random, this.actions, 1 + random.nextInt(4))));
			}
			return new CheckRequest(requestId, principal, checks, Map.of());
		}

		private Map<String, Object> attributes(Random random) {
			Map<String, Object> attributes = new LinkedHashMap<>();
			for (String name : this.attributes) {
				if (random.nextInt(3) != 0) {
					attributes.put(name, pick(random, this.values));
				}
			}
			return attributes;
		}

		private static <T> T pick(Random random, List<T> values) {
			return values.get(random.nextInt(values.size()));
		}

		private static <T> List<T> pickSome(Random random, List<T> values, int count) {
			Set<T> picked = new LinkedHashSet<>();
			for (int i = 0; i < count; i++) {
				picked.add(pick(random, values));
			}
			return List.copyOf(picked);
		}

	}

}
