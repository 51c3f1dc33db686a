package io.authz.spring.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationListener;

/**
 * Writes every {@link AuthorizationDecisionEvent} as one line of JSON, at INFO level, to the dedicated logger
 * {@value #LOGGER_NAME}, for log pipelines that index decisions. Route or silence that logger like any other.
 */
public final class JsonDecisionLog implements ApplicationListener<AuthorizationDecisionEvent> {

	/** The name of the logger decisions are written to. */
	public static final String LOGGER_NAME = "io.authz.decisions";

	private final Log logger;

	private final JsonMapper mapper;

	/**
	 * Creates a decision log writing to {@value #LOGGER_NAME}.
	 */
	public JsonDecisionLog() {
		this(LogFactory.getLog(LOGGER_NAME), JsonMapper.shared());
	}

	JsonDecisionLog(Log logger, JsonMapper mapper) {
		this.logger = logger;
		this.mapper = mapper;
	}

	@Override
	public void onApplicationEvent(AuthorizationDecisionEvent event) {
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("time", Instant.ofEpochMilli(event.getTimestamp()).toString());
		line.put("principal", event.getPrincipalId());
		line.putAll(DecisionData.of(event));
		try {
			this.logger.info(this.mapper.writeValueAsString(line));
		}
		catch (JacksonException ex) {
			// An attribute value Jackson cannot write must not lose the decision itself.
			line.remove("principalAttributes");
			line.remove("resourceAttributes");
			this.logger.info(this.mapper.writeValueAsString(line));
		}
	}

}
