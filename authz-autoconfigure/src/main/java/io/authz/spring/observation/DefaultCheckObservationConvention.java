package io.authz.spring.observation;

import io.authz.core.check.CheckEvent;
import io.authz.core.model.Decision;
import io.authz.core.model.ResourceResult;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link CheckObservationConvention}: observations named {@value #NAME}, with the low-cardinality keys
 * {@code authz.engine}, {@code authz.principal.type}, {@code authz.outcome} ({@code decided} / {@code error}) and
 * {@code authz.effect} ({@code allow} when every decision allowed, {@code deny} when none did, {@code mixed}),
 * and the high-cardinality keys {@code authz.request.id} and {@code authz.decisions} (how many decisions the
 * check made). No ids of principals or resources and no attribute values.
 */
public class DefaultCheckObservationConvention implements CheckObservationConvention {

	/** The observation's name. */
	public static final String NAME = "authz.check";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(CheckObservationContext context) {
		return "authz check";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CheckObservationContext context) {
		KeyValues values = KeyValues.of(KeyValue.of("authz.engine", context.getEngine()),
				KeyValue.of("authz.principal.type", context.getRequest().principal().type().value()));
		CheckEvent event = context.getEvent();
		if (event == null) {
			return values;
		}
		return values.and(KeyValue.of("authz.outcome", event.isFailure() ? "error" : "decided"),
				KeyValue.of("authz.effect", effect(event)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CheckObservationContext context) {
		KeyValues values = KeyValues.of(KeyValue.of("authz.decisions",
				Integer.toString(context.getRequest().decisionCount())));
		String requestId = context.getRequest().requestId();
		return requestId.isEmpty() ? values : values.and(KeyValue.of("authz.request.id", requestId));
	}

	private static String effect(CheckEvent event) {
		boolean allowed = false;
		boolean denied = false;
		for (ResourceResult result : event.result().results()) {
			for (Decision decision : result.decisions().values()) {
				allowed |= decision.isAllowed();
				denied |= !decision.isAllowed();
			}
		}
		return (allowed && denied) ? "mixed" : allowed ? "allow" : "deny";
	}

}
