package io.authz.spring.server;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import io.authz.core.protocol.ProtocolException;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;

/**
 * Responses shared by the PDP endpoints.
 */
final class PdpResponses {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private PdpResponses() {
	}

	static ResponseEntity<byte[]> json(byte[] body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	static ResponseEntity<byte[]> jsonError(HttpStatus status, byte[] body) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/** An error as AuthZEN describes them: the status and a message string. */
	static ResponseEntity<byte[]> text(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(TEXT).body(message.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Checks that a request declares a JSON body ({@code application/json} or {@code application/*+json}).
	 * @throws ProtocolException if it does not
	 */
	static void requireJson(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (!StringUtils.hasText(contentType)) {
			throw new ProtocolException("Content-Type must be application/json; the request has none");
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
			boolean json = subtype.equals("json") || subtype.endsWith("+json");
			if ("application".equalsIgnoreCase(type.getType()) && json) {
				return;
			}
		}
		catch (InvalidMediaTypeException ex) {
			// reported below
		}
		throw new ProtocolException("Content-Type must be application/json, not '" + contentType + "'");
	}

}
