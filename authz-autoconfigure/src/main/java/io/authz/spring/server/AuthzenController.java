package io.authz.spring.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.core.check.Authorizer;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.core.model.ResourceResult;
import io.authz.core.protocol.JsonValues;
import io.authz.core.protocol.ProtocolException;
import io.authz.core.protocol.authzen.AuthzenAction;
import io.authz.core.protocol.authzen.AuthzenJson;
import io.authz.core.protocol.authzen.AuthzenMapping;
import io.authz.core.protocol.authzen.AuthzenPaths;
import io.authz.core.protocol.authzen.AuthzenResource;
import io.authz.core.protocol.authzen.AuthzenSubject;
import io.authz.core.protocol.authzen.EvaluationRequest;
import io.authz.core.protocol.authzen.EvaluationResponse;
import io.authz.core.protocol.authzen.EvaluationsRequest;
import io.authz.core.protocol.authzen.EvaluationsResponse;
import io.authz.core.protocol.authzen.EvaluationsSemantic;
import io.authz.core.protocol.authzen.PdpMetadata;
import io.authz.core.protocol.authzen.SearchCatalog;
import io.authz.core.protocol.authzen.SearchRequest;
import io.authz.core.protocol.authzen.SearchResponse;
import io.authz.core.protocol.cerbos.CerbosJson;
import io.authz.core.protocol.cerbos.CerbosMapping;
import io.authz.core.protocol.cerbos.JwtClaimsDecoder;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves the OpenID AuthZEN Authorization API 1.0 over the configured engine: Access Evaluation
 * ({@code POST /access/v1/evaluation}), Access Evaluations ({@code POST /access/v1/evaluations}), Subject, Resource
 * and Action Search ({@code POST /access/v1/search/subject|resource|action}) and the PDP metadata
 * ({@code GET /.well-known/authzen-configuration}). Evaluations are mapped to checks as {@link AuthzenMapping}
 * describes; a search checks every candidate its {@link SearchCatalog} knows of the searched-for type and answers
 * those allowed, all in one response (pagination parameters are accepted and ignored).
 * <p>
 * Errors follow the specification and its certification scenario: 400 with a message for a non-JSON content type,
 * an empty or malformed body, a member of the wrong type or a missing required member; unknown members are
 * ignored; a deny is 200 {@code {"decision": false}}. In an evaluations request an evaluation that is malformed,
 * or lacks a member that no default supplies, fails alone: its decision is {@code false}, with the reason in its
 * {@code context.error}.
 */
@RestController
public class AuthzenController {

	private static final Log logger = LogFactory.getLog(AuthzenController.class);

	private static final String CERBOS_RESPONSE = "cerbos.response";

	private final Authorizer authorizer;

	private final JwtClaimsDecoder jwtDecoder;

	private final PdpLimits limits;

	private final @Nullable String baseUrl;

	private final SearchCatalog catalog;

	private final AuthzenJson json = new AuthzenJson();

	private final CerbosJson cerbosJson = new CerbosJson();

	/**
	 * Creates the endpoints.
	 * @param authorizer decides the evaluations
	 * @param jwtDecoder verifies and decodes JWTs sent in {@code context["cerbos.auxData"]}
	 * @param limits how many evaluations one request may hold
	 * @param baseUrl the PDP base URL for the metadata, or {@code null} to derive it from each request
	 * @param catalog the subjects, resources and actions searches look through
	 */
	public AuthzenController(Authorizer authorizer, JwtClaimsDecoder jwtDecoder, PdpLimits limits,
			@Nullable String baseUrl, SearchCatalog catalog) {
		Assert.notNull(authorizer, "'authorizer' must not be null");
		Assert.notNull(jwtDecoder, "'jwtDecoder' must not be null");
		Assert.notNull(limits, "'limits' must not be null");
		Assert.notNull(catalog, "'catalog' must not be null");
		this.authorizer = authorizer;
		this.jwtDecoder = jwtDecoder;
		this.limits = limits;
		this.baseUrl = StringUtils.hasText(baseUrl) ? baseUrl : null;
		this.catalog = catalog;
	}

	@PostMapping(AuthzenPaths.EVALUATION)
	public ResponseEntity<byte[]> evaluation(@RequestBody(required = false) byte @Nullable [] body,
			HttpServletRequest request) {
		try {
			PdpResponses.requireJson(request);
			EvaluationRequest evaluation = this.json.readEvaluation(body);
			Prepared prepared = prepare(request, evaluation);
			return PdpResponses.json(this.json.writeEvaluationResponse(decide(prepared)));
		}
		catch (ProtocolException ex) {
			return badRequest(ex);
		}
	}

	@PostMapping(AuthzenPaths.EVALUATIONS)
	public ResponseEntity<byte[]> evaluations(@RequestBody(required = false) byte @Nullable [] body,
			HttpServletRequest request) {
		EvaluationsRequest evaluations;
		try {
			PdpResponses.requireJson(request);
			evaluations = this.json.readEvaluations(body);
			if (evaluations.isSingle()) {
				// No evaluations: the request is a single evaluation, answered as one
				Prepared prepared = prepare(request, evaluations.single());
				return PdpResponses.json(this.json.writeEvaluationResponse(decide(prepared)));
			}
			this.limits.checkEvaluations(evaluations.evaluations().size());
		}
		catch (ProtocolException ex) {
			return badRequest(ex);
		}
		List<EvaluationResponse> decisions = (evaluations.semantic() == EvaluationsSemantic.EXECUTE_ALL)
				? executeAll(request, evaluations) : shortCircuit(request, evaluations);
		return PdpResponses.json(this.json.writeEvaluationsResponse(new EvaluationsResponse(decisions)));
	}

	@GetMapping(AuthzenPaths.METADATA)
	public ResponseEntity<byte[]> metadata() {
		String base = (this.baseUrl != null) ? this.baseUrl
				: ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return PdpResponses.json(this.json.writeMetadata(PdpMetadata.forBaseUrl(base, true)));
	}

	@PostMapping(AuthzenPaths.SEARCH_SUBJECT)
	public ResponseEntity<byte[]> searchSubject(@RequestBody(required = false) byte @Nullable [] body,
			HttpServletRequest request) {
		return search(body, request, SearchRequest.Kind.SUBJECT);
	}

	@PostMapping(AuthzenPaths.SEARCH_RESOURCE)
	public ResponseEntity<byte[]> searchResource(@RequestBody(required = false) byte @Nullable [] body,
			HttpServletRequest request) {
		return search(body, request, SearchRequest.Kind.RESOURCE);
	}

	@PostMapping(AuthzenPaths.SEARCH_ACTION)
	public ResponseEntity<byte[]> searchAction(@RequestBody(required = false) byte @Nullable [] body,
			HttpServletRequest request) {
		return search(body, request, SearchRequest.Kind.ACTION);
	}

	private ResponseEntity<byte[]> search(byte @Nullable [] body, HttpServletRequest request, SearchRequest.Kind kind) {
		try {
			PdpResponses.requireJson(request);
			SearchRequest search = this.json.readSearch(body);
			search.validate(kind);
			List<?> results = switch (kind) {
				case SUBJECT -> searchSubjects(request, search);
				case RESOURCE -> searchResources(request, search);
				case ACTION -> searchActions(request, search);
			};
			// All results in one page: a page asked for ends here
			String nextToken = (search.page() != null) ? "" : null;
			return PdpResponses.json(this.json.writeSearchResponse(new SearchResponse(results, nextToken)));
		}
		catch (ProtocolException ex) {
			return badRequest(ex);
		}
	}

	private List<AuthzenSubject> searchSubjects(HttpServletRequest request, SearchRequest search) {
		AuthzenResource resource = search.resource();
		String type = search.subject().type();
		List<AuthzenSubject> found = new ArrayList<>();
		if (!this.catalog.knowsResource(resource.type(), resource.id())) {
			return found;
		}
		// One principal per check: each candidate subject is asked alone
		for (String id : this.catalog.subjectIds(type)) {
			AuthzenSubject candidate = new AuthzenSubject(type, id, search.subject().properties());
			Prepared prepared = prepare(request,
					new EvaluationRequest(candidate, search.action(), resource, search.context()));
			if (decide(prepared).decision()) {
				found.add(new AuthzenSubject(type, id, Map.of()));
			}
		}
		return found;
	}

	private List<AuthzenResource> searchResources(HttpServletRequest request, SearchRequest search) {
		AuthzenSubject subject = search.subject();
		String type = search.resource().type();
		List<AuthzenResource> found = new ArrayList<>();
		List<String> ids = this.catalog.resourceIds(type);
		if (!this.catalog.knowsSubject(subject.type(), subject.id()) || ids.isEmpty()) {
			return found;
		}
		// One check for all candidates: same principal, same action
		Prepared first = prepare(request, new EvaluationRequest(subject, search.action(),
				new AuthzenResource(type, ids.get(0), search.resource().properties()), search.context()));
		List<ResourceCheck> resources = new ArrayList<>(ids.size());
		for (String id : ids) {
			Resource resource = AuthzenMapping
				.toResource(new AuthzenResource(type, id, search.resource().properties()));
			resources.add(new ResourceCheck(resource, List.of(search.action().name())));
		}
		CheckRequest template = first.check();
		CheckResult result = this.authorizer
			.check(new CheckRequest(template.requestId(), template.principal(), resources, template.auxData()));
		for (int i = 0; i < ids.size(); i++) {
			if (result.results().get(i).isAllowed(search.action().name())) {
				found.add(new AuthzenResource(type, ids.get(i), Map.of()));
			}
		}
		return found;
	}

	private List<AuthzenAction> searchActions(HttpServletRequest request, SearchRequest search) {
		AuthzenSubject subject = search.subject();
		AuthzenResource resource = search.resource();
		List<AuthzenAction> found = new ArrayList<>();
		List<String> actions = this.catalog.actions(resource.type());
		if (!this.catalog.knowsSubject(subject.type(), subject.id())
				|| !this.catalog.knowsResource(resource.type(), resource.id()) || actions.isEmpty()) {
			return found;
		}
		Prepared first = prepare(request, new EvaluationRequest(subject, new AuthzenAction(actions.get(0), Map.of()),
				resource, search.context()));
		CheckRequest template = first.check();
		CheckResult result = this.authorizer.check(new CheckRequest(template.requestId(), template.principal(),
				List.of(new ResourceCheck(template.resources().get(0).resource(), actions)), template.auxData()));
		for (String action : actions) {
			if (result.results().get(0).isAllowed(action)) {
				found.add(new AuthzenAction(action, Map.of()));
			}
		}
		return found;
	}

	/** Every evaluation, batched into one check per principal and auxiliary data. */
	private List<EvaluationResponse> executeAll(HttpServletRequest request, EvaluationsRequest evaluations) {
		int count = evaluations.evaluations().size();
		EvaluationResponse[] decisions = new EvaluationResponse[count];
		Map<GroupKey, List<Integer>> groups = new LinkedHashMap<>();
		Prepared[] prepared = new Prepared[count];
		for (int i = 0; i < count; i++) {
			try {
				prepared[i] = prepare(request, evaluations.evaluation(i));
				CheckRequest check = prepared[i].check();
				groups.computeIfAbsent(new GroupKey(check.requestId(), check.principal(), check.auxData()),
						(key) -> new ArrayList<>()).add(i);
			}
			catch (ProtocolException ex) {
				decisions[i] = failed(ex);
			}
		}
		groups.forEach((key, indexes) -> {
			List<ResourceCheck> resources = new ArrayList<>(indexes.size());
			indexes.forEach((index) -> resources.add(prepared[index].check().resources().get(0)));
			CheckRequest batch = new CheckRequest(key.requestId(), key.principal(), resources, key.auxData());
			CheckResult result = this.authorizer.check(batch);
			for (int k = 0; k < indexes.size(); k++) {
				Prepared item = prepared[indexes.get(k)];
				decisions[indexes.get(k)] = response(item, result.results().get(k));
			}
		});
		return Arrays.asList(decisions);
	}

	/** Evaluations in order until the first deny or permit, as the semantic asks. */
	private List<EvaluationResponse> shortCircuit(HttpServletRequest request, EvaluationsRequest evaluations) {
		boolean stopOn = evaluations.semantic() == EvaluationsSemantic.PERMIT_ON_FIRST_PERMIT;
		List<EvaluationResponse> decisions = new ArrayList<>();
		for (int i = 0; i < evaluations.evaluations().size(); i++) {
			EvaluationResponse decision;
			try {
				decision = decide(prepare(request, evaluations.evaluation(i)));
			}
			catch (ProtocolException ex) {
				// A failed evaluation counts as a deny
				decision = failed(ex);
			}
			decisions.add(decision);
			if (decision.decision() == stopOn) {
				break;
			}
		}
		return decisions;
	}

	private Prepared prepare(HttpServletRequest request, EvaluationRequest evaluation) {
		Map<String, Object> context = evaluation.context();
		String requestId = request.getHeader(AuthzenPaths.REQUEST_ID_HEADER);
		if (!StringUtils.hasText(requestId)) {
			requestId = AuthzenMapping.requestId(context);
		}
		Map<String, Object> jwtClaims = Map.of();
		Object auxData = context.get(AuthzenMapping.AUX_DATA);
		if (auxData != null) {
			jwtClaims = CerbosMapping.auxData(this.cerbosJson.readAuxData(auxData, "context[\"cerbos.auxData\"]"),
					this.jwtDecoder);
		}
		CheckRequest check = AuthzenMapping.toCheckRequest(requestId, evaluation, jwtClaims);
		return new Prepared(evaluation, check, AuthzenMapping.includeMeta(context));
	}

	private EvaluationResponse decide(Prepared prepared) {
		CheckResult result = this.authorizer.check(prepared.check());
		return response(prepared, result.results().get(0));
	}

	private EvaluationResponse response(Prepared prepared, ResourceResult result) {
		boolean allowed = result.isAllowed(prepared.evaluation().action().name());
		if (!prepared.includeMeta()) {
			return EvaluationResponse.of(allowed);
		}
		// As Cerbos: the check response of the evaluation, in the decision's context
		CheckRequest check = prepared.check();
		CheckResult single = new CheckResult(check.requestId(), List.of(result));
		byte[] response = this.cerbosJson.writeCheckResourcesResponse(
				CerbosMapping.toResponse(CerbosMapping.toWireRequest(check, true), single, true, ""));
		return new EvaluationResponse(allowed,
				Map.of(CERBOS_RESPONSE, JsonValues.toMap(JsonValues.readObject(response))));
	}

	private static EvaluationResponse failed(ProtocolException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("status", 400);
		error.put("message", ex.getMessage());
		return new EvaluationResponse(false, Map.of("error", error));
	}

	private static ResponseEntity<byte[]> badRequest(ProtocolException ex) {
		if (logger.isDebugEnabled()) {
			logger.debug("Rejected AuthZEN request: " + ex.getMessage());
		}
		return PdpResponses.text(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	private record Prepared(EvaluationRequest evaluation, CheckRequest check, boolean includeMeta) {
	}

	private record GroupKey(String requestId, Principal principal, Map<String, Object> auxData) {
	}

}
