package io.authz.spring.server;

import java.io.IOException;

import io.authz.core.protocol.authzen.AuthzenPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Echoes the {@code X-Request-ID} header of a PDP request in its response, whatever the outcome (decision, 400,
 * 401), as AuthZEN requires. Registered for the PDP paths only.
 */
public class RequestIdEchoFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(AuthzenPaths.REQUEST_ID_HEADER);
		if (StringUtils.hasText(requestId)) {
			response.setHeader(AuthzenPaths.REQUEST_ID_HEADER, requestId);
		}
		chain.doFilter(request, response);
	}

}
