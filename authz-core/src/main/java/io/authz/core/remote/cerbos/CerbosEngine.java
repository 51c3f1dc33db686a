package io.authz.core.remote.cerbos;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.authz.core.engine.AuthorizationEngine;
import io.authz.core.engine.EngineHealth;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.remote.PdpHttpClient;
import io.authz.core.remote.RemoteChecks;
import io.authz.core.remote.RemoteEngineOptions;
import io.authz.core.remote.RemotePdpException;
import io.authz.core.remote.ResourceSlice;
import io.authz.core.remote.SliceResult;

/**
 * An engine that asks a Cerbos PDP over its HTTP API ({@code POST /api/check/resources}).
 * <p>
 * A check is one call, or several concurrent ones when it exceeds the PDP's request limits (50 resources of 50
 * actions by default). The request id travels as Cerbos' {@code requestId} and as {@code X-Request-ID};
 * {@code includeMeta} answers give each decision its matched policy and scope, and the resource its effective
 * derived roles. Cerbos does not report rule names. A failure of any kind throws {@link RemotePdpException}, which
 * {@link io.authz.core.check.Authorizer} turns into a deny of the whole check.
 */
public final class CerbosEngine implements AuthorizationEngine, EngineHealth, AutoCloseable {

	/** The engine's name. */
	public static final String NAME = "cerbos";

	private final PdpHttpClient client;

	private final URI checkUri;

	public CerbosEngine(RemoteEngineOptions options) {
		this.client = new PdpHttpClient(NAME, options);
		this.checkUri = this.client.resolve("/api/check/resources");
		this.client.warmUp(this.client.resolve("/_cerbos/health"), CerbosJson::warmUp);
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
		RemoteEngineOptions options = this.client.options();
		List<List<ResourceSlice>> batches = RemoteChecks.split(request.resources(), options.maxResourcesPerCall(),
				options.maxActionsPerResource(), false);
		List<CompletableFuture<List<SliceResult>>> calls = new ArrayList<>(batches.size());
		for (List<ResourceSlice> batch : batches) {
			calls.add(this.client.post(this.checkUri, CerbosJson.request(request, batch), request.requestId(), deadline,
					(body) -> CerbosJson.results(body, batch)));
		}
		List<SliceResult> answers = new ArrayList<>();
		this.client.await(calls, deadline).forEach(answers::addAll);
		return RemoteChecks.assemble(request, answers);
	}

	/** The HTTP client, with the circuit breaker and retry state. */
	/** Whether the PDP answers its health (or metadata) endpoint within the call timeout. */
	@Override
	public Report health() {
		return this.client.probe(this.client.resolve("/_cerbos/health"));
	}

	public PdpHttpClient client() {
		return this.client;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
