package io.authz.spring.server;

import java.util.Map;

import io.authz.core.check.Authorizer;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.protocol.ProtocolException;
import io.authz.core.protocol.cerbos.CerbosJson;
import io.authz.core.protocol.cerbos.CerbosMapping;
import io.authz.core.protocol.cerbos.CheckResourcesRequest;
import io.authz.core.protocol.cerbos.CheckResourcesResponse;
import io.authz.core.protocol.cerbos.JwtClaimsDecoder;
import io.authz.core.protocol.authzen.AuthzenPaths;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves Cerbos' check API, {@code POST /api/check/resources}, over the configured engine: the same JSON in and
 * out as a Cerbos PDP, so that Cerbos SDKs and tools can use the application as their PDP.
 * <p>
 * A request that is not valid (malformed JSON, a missing principal, no actions, too many resources or actions,
 * auxiliary data that cannot be verified) is answered with 400 and Cerbos' error body
 * ({@code {"code": 3, "message": "..."}}). Decisions go through the {@link Authorizer}, so an engine failure is a
 * deny, never an error.
 */
@RestController
public class CerbosCheckController {

	private static final Log logger = LogFactory.getLog(CerbosCheckController.class);

	private final Authorizer authorizer;

	private final JwtClaimsDecoder jwtDecoder;

	private final PdpLimits limits;

	private final CerbosJson json = new CerbosJson();

	/**
	 * Creates the endpoint.
	 * @param authorizer decides the checks
	 * @param jwtDecoder verifies and decodes JWTs sent as auxiliary data
	 * @param limits how much one request may ask
	 */
	public CerbosCheckController(Authorizer authorizer, JwtClaimsDecoder jwtDecoder, PdpLimits limits) {
		Assert.notNull(authorizer, "'authorizer' must not be null");
		Assert.notNull(jwtDecoder, "'jwtDecoder' must not be null");
		Assert.notNull(limits, "'limits' must not be null");
		this.authorizer = authorizer;
		this.jwtDecoder = jwtDecoder;
		this.limits = limits;
	}

	@PostMapping(PdpPaths.CHECK_RESOURCES)
	public ResponseEntity<byte[]> checkResources(@RequestBody(required = false) byte @Nullable [] body,
			@RequestHeader(name = AuthzenPaths.REQUEST_ID_HEADER, required = false) @Nullable String requestIdHeader) {
		CheckResourcesRequest request;
		Map<String, Object> auxData;
		try {
			request = this.json.readCheckResourcesRequest(body);
			this.limits.check(request);
			auxData = CerbosMapping.auxData(request.auxData(), this.jwtDecoder);
		}
		catch (ProtocolException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Rejected check request: " + ex.getMessage());
			}
			return PdpResponses.jsonError(HttpStatus.BAD_REQUEST,
					this.json.writeError(CerbosJson.INVALID_ARGUMENT, ex.getMessage()));
		}
		CheckRequest check = CerbosMapping.toCheckRequest(request, auxData);
		if (request.requestId().isEmpty() && StringUtils.hasText(requestIdHeader)) {
			// Correlate events and logs with the caller's id when the body has none
			check = new CheckRequest(requestIdHeader, check.principal(), check.resources(), check.auxData());
		}
		CheckResult result = this.authorizer.check(check);
		CheckResourcesResponse response = CerbosMapping.toResponse(request, result, request.includeMeta(),
				CallIds.next());
		return PdpResponses.json(this.json.writeCheckResourcesResponse(response));
	}

}
