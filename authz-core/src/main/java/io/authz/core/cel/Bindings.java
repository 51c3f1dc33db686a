package io.authz.core.cel;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.cel.runtime.CelVariableResolver;

/**
 * The variables one condition sees: the request ({@code request}, {@code P}, {@code R}), the globals, the
 * runtime, and the constants and variables of the policy the condition belongs to.
 */
public final class Bindings implements CelVariableResolver {

	private final Map<String, Object> request;

	private final Object principal;

	private final Object resource;

	private final Map<String, Object> globals;

	private final Supplier<Object> runtime;

	private final Map<String, Object> constants;

	private final Map<String, Object> variables;

	/**
	 * @param request the {@code request} map holding {@code principal}, {@code resource} and {@code auxData}
	 * @param globals engine globals
	 * @param runtime computes {@code runtime} on first use
	 */
	public Bindings(Map<String, Object> request, Map<String, Object> globals, Supplier<Object> runtime) {
		this(request, request.get("principal"), request.get("resource"), globals, runtime, Map.of(), Map.of());
	}

	private Bindings(Map<String, Object> request, Object principal, Object resource, Map<String, Object> globals,
			Supplier<Object> runtime, Map<String, Object> constants, Map<String, Object> variables) {
		this.request = request;
		this.principal = principal;
		this.resource = resource;
		this.globals = globals;
		this.runtime = runtime;
		this.constants = constants;
		this.variables = variables;
	}

	/** The same request seen from a policy with these constants and variables. */
	public Bindings with(Map<String, Object> constants, Map<String, Object> variables) {
		return new Bindings(this.request, this.principal, this.resource, this.globals, this.runtime, constants,
				variables);
	}

	@Override
	public Optional<Object> find(String name) {
		Object value = switch (name) {
			case CelEnvironment.PRINCIPAL -> this.principal;
			case CelEnvironment.RESOURCE -> this.resource;
			case CelEnvironment.VARIABLES, CelEnvironment.VARIABLES_LONG -> this.variables;
			case CelEnvironment.CONSTANTS, CelEnvironment.CONSTANTS_LONG -> this.constants;
			case CelEnvironment.REQUEST -> this.request;
			case CelEnvironment.GLOBALS, CelEnvironment.GLOBALS_LONG -> this.globals;
			case CelEnvironment.RUNTIME -> this.runtime.get();
			default -> null;
		};
		return Optional.ofNullable(value);
	}

}
