package io.authz.core.remote.authzen;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.engine.EngineHealth;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Decision;
import io.authz.core.model.Output;
import io.authz.core.model.ResourceCheck;
import io.authz.core.remote.PdpHttpClient;
import io.authz.core.remote.RemoteChecks;
import io.authz.core.remote.RemoteEngineOptions;
import io.authz.core.remote.RemotePdpException;
import io.authz.core.remote.ResourceSlice;
import io.authz.core.remote.SliceResult;

/**
 * An engine that asks an AuthZEN 1.0 PDP: {@code POST /access/v1/evaluation} for a check of one decision,
 * {@code POST /access/v1/evaluations} (one call per up to 50 resources of 50 actions) for more.
 * <p>
 * The endpoints come from the PDP's metadata ({@code /.well-known/authzen-configuration}) when it publishes any; a
 * PDP whose metadata names no evaluations endpoint gets one evaluation call per decision, concurrently. The
 * principal is the subject ({@code type} user, service or agent), its attributes, {@code type} and
 * {@code actingFor} the subject's properties, and its roles the property {@link AuthZenOptions#rolesProperty()}.
 * Auxiliary data is the context; the request id is sent as {@code X-Request-ID}. AuthZEN answers carry no policy
 * name, so decisions report {@link #POLICY}; a decision's {@code context} becomes an output. A failure of any kind
 * throws {@link RemotePdpException}, which {@link io.authz.core.check.Authorizer} turns into a deny.
 */
public final class AuthZenEngine implements AuthorizationEngine, EngineHealth, AutoCloseable {

	/** The engine's name, also the policy reported by its decisions. */
	public static final String NAME = "authzen";

	/** The policy name decisions report: AuthZEN does not say which policy decided. */
	public static final String POLICY = NAME;

	private static final String METADATA_PATH = "/.well-known/authzen-configuration";

	private final PdpHttpClient client;

	private final AuthZenOptions authZenOptions;

	private final Endpoints standardEndpoints;

	private volatile Endpoints endpoints;

	public AuthZenEngine(RemoteEngineOptions options, AuthZenOptions authZenOptions) {
		this.client = new PdpHttpClient(NAME, options);
		this.authZenOptions = (authZenOptions != null) ? authZenOptions : AuthZenOptions.DEFAULT;
		this.standardEndpoints = new Endpoints(this.client.resolve("/access/v1/evaluation"),
				this.client.resolve("/access/v1/evaluations"));
		this.endpoints = this.authZenOptions.discovery() ? null : this.standardEndpoints;
		this.client.warmUp(metadataUri(), AuthZenJson::warmUp);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public CheckResult check(CheckRequest request) {
		if (request.resources().isEmpty()) {
			return new CheckResult(request.requestId(), List.of());
		}
		long deadline = this.client.deadline();
		Endpoints endpoints = endpoints(deadline);
		Map<String, Object> subject = AuthZenJson.subject(request.principal(), this.authZenOptions.rolesProperty());
		List<CompletableFuture<List<SliceResult>>> calls = (request.decisionCount() == 1
				|| endpoints.evaluations() == null) ? evaluationCalls(request, subject, endpoints, deadline)
						: evaluationsCalls(request, subject, endpoints, deadline);
		List<SliceResult> answers = new ArrayList<>();
		this.client.await(calls, deadline).forEach(answers::addAll);
		return RemoteChecks.assemble(request, answers);
	}

	// One call per decision: for single checks, and for PDPs without the batch endpoint
	private List<CompletableFuture<List<SliceResult>>> evaluationCalls(CheckRequest request,
			Map<String, Object> subject, Endpoints endpoints, long deadline) {
		List<CompletableFuture<List<SliceResult>>> calls = new ArrayList<>();
		for (int index = 0; index < request.resources().size(); index++) {
			ResourceCheck check = request.resources().get(index);
			Map<String, Object> resource = AuthZenJson.resource(check.resource());
			for (String action : check.actions()) {
				ResourceSlice slice = new ResourceSlice(index, check.resource(), List.of(action));
				byte[] body = AuthZenJson.evaluation(subject, resource, action, request);
				calls.add(this.client.post(endpoints.evaluation(), body, request.requestId(), deadline, (answer) -> {
					AuthZenJson.Evaluated evaluated = AuthZenJson.evaluated(answer, action);
					return List.of(new SliceResult(slice, Map.of(action, evaluated.decision()), List.of(),
							evaluated.outputs(), List.of()));
				}));
			}
		}
		return calls;
	}

	private List<CompletableFuture<List<SliceResult>>> evaluationsCalls(CheckRequest request,
			Map<String, Object> subject, Endpoints endpoints, long deadline) {
		RemoteEngineOptions options = this.client.options();
		// Distinct resources per call: Cerbos groups a batch's evaluations by resource type and id
		List<List<ResourceSlice>> batches = RemoteChecks.split(request.resources(), options.maxResourcesPerCall(),
				options.maxActionsPerResource(), true);
		List<CompletableFuture<List<SliceResult>>> calls = new ArrayList<>(batches.size());
		for (List<ResourceSlice> batch : batches) {
			List<Map<String, Object>> evaluations = new ArrayList<>();
			List<String> actions = new ArrayList<>();
			for (ResourceSlice slice : batch) {
				Map<String, Object> resource = AuthZenJson.resource(slice.resource());
				for (String action : slice.actions()) {
					Map<String, Object> evaluation = new LinkedHashMap<>();
					evaluation.put("resource", resource);
					evaluation.put("action", AuthZenJson.action(action));
					evaluations.add(evaluation);
					actions.add(action);
				}
			}
			byte[] body = AuthZenJson.evaluations(subject, evaluations, request);
			calls.add(this.client.post(endpoints.evaluations(), body, request.requestId(), deadline,
					(answer) -> sliceResults(batch, AuthZenJson.evaluated(answer, actions))));
		}
		return calls;
	}

	private static List<SliceResult> sliceResults(List<ResourceSlice> batch, List<AuthZenJson.Evaluated> answers) {
		List<SliceResult> results = new ArrayList<>(batch.size());
		int next = 0;
		for (ResourceSlice slice : batch) {
			Map<String, Decision> byAction = new LinkedHashMap<>();
			List<Output> outputs = new ArrayList<>();
			for (String action : slice.actions()) {
				AuthZenJson.Evaluated evaluated = answers.get(next++);
				byAction.put(action, evaluated.decision());
				outputs.addAll(evaluated.outputs());
			}
			results.add(new SliceResult(slice, byAction, List.of(), outputs, List.of()));
		}
		return results;
	}

	private Endpoints endpoints(long deadline) {
		Endpoints known = this.endpoints;
		if (known != null) {
			return known;
		}
		CompletableFuture<Endpoints> call = this.client.get(metadataUri(), deadline, (status, body) -> {
			if (status == 200) {
				URI[] named = AuthZenJson.endpoints(body);
				// No evaluations endpoint in the metadata means the PDP cannot batch
				return new Endpoints((named[0] != null) ? named[0] : this.standardEndpoints.evaluation(), named[1]);
			}
			if (status >= 400 && status < 500) {
				// No metadata published: the standard paths
				return this.standardEndpoints;
			}
			throw new RemotePdpException(RemotePdpException.Kind.HTTP_STATUS,
					NAME + " PDP metadata at " + metadataUri() + " answered HTTP " + status);
		});
		Endpoints discovered = this.client.await(List.of(call), deadline).get(0);
		this.endpoints = discovered;
		return discovered;
	}

	// The well-known path goes between the host and the path of the PDP's URL (RFC 8615, AuthZEN 1.0 section 13)
	private URI metadataUri() {
		URI base = this.client.options().url();
		String path = (base.getRawPath() != null) ? base.getRawPath() : "";
		if (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return URI.create(base.getScheme() + "://" + base.getRawAuthority() + METADATA_PATH + path);
	}

	/** The HTTP client, with the circuit breaker and retry state. */
	/** Whether the PDP answers its health (or metadata) endpoint within the call timeout. */
	@Override
	public Report health() {
		return this.client.probe(metadataUri());
	}

	public PdpHttpClient client() {
		return this.client;
	}

	@Override
	public void close() {
		this.client.close();
	}

	/**
	 * Where a PDP evaluates.
	 *
	 * @param evaluation the single evaluation endpoint
	 * @param evaluations the batch endpoint, or {@code null} when the PDP has none
	 */
	record Endpoints(URI evaluation, URI evaluations) {

	}

}
