package io.authz.core.cel;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.cel.runtime.CelVariableResolver;

/**
 * The variables one condition sees: the request ({@code request}, {@code P}, {@code R}), the globals, the
 * runtime, and the constants and variables of the policy the condition belongs to; and the instant
 * {@code now()} returns.
 * <p>
 * Every binding derived from one with {@link #with(Map, Map)} keeps its instant, so all expressions of a check see
 * the same {@code now()} when the engine creates the bindings of a check with one instant.
 * <p>
 * As in Cerbos, whose request is a protobuf message, the fields of {@code request}, {@code P}, {@code R} and
 * {@code runtime} answer to their protobuf names too: {@code request.aux_data}, {@code P.policy_version},
 * {@code runtime.effective_derived_roles}.
 */
public final class Bindings implements CelVariableResolver {

	private static final Map<String, String> PROTO_FIELD_NAMES = Map.of("aux_data", "auxData", "policy_version",
			"policyVersion", "effective_derived_roles", "effectiveDerivedRoles");

	private final Map<String, Object> request;

	private final Object principal;

	private final Object resource;

	private final Map<String, Object> globals;

	private final Supplier<Object> runtime;

	private final Map<String, Object> constants;

	private final Map<String, Object> variables;

	private final Supplier<Instant> clock;

	/**
	 * Bindings for a request, with {@code now()} at the current instant. Prefer
	 * {@link #Bindings(Map, Map, Supplier, Instant)} with the instant of the check: bindings created separately see
	 * different instants.
	 * @param request the {@code request} map holding {@code principal}, {@code resource} and {@code auxData}
	 * @param globals engine globals
	 * @param runtime computes {@code runtime} on first use
	 */
	public Bindings(Map<String, Object> request, Map<String, Object> globals, Supplier<Object> runtime) {
		this(request, globals, runtime, Instant.now());
	}

	/**
	 * Bindings for a request.
	 * @param request the {@code request} map holding {@code principal}, {@code resource} and {@code auxData}
	 * @param globals engine globals
	 * @param runtime computes {@code runtime} on first use
	 * @param now the instant of the check, what {@code now()} returns
	 */
	public Bindings(Map<String, Object> request, Map<String, Object> globals, Supplier<Object> runtime, Instant now) {
		this(requestView(request), globals, runtime, Map.of(), Map.of(), () -> now);
	}

	/**
	 * Bindings for a request whose clock is read only if a condition asks for the time.
	 * @param request the {@code request} map holding {@code principal}, {@code resource} and {@code auxData}
	 * @param globals engine globals
	 * @param runtime computes {@code runtime} on first use
	 * @param clock what {@code now()} returns; it must return one instant for the whole check
	 */
	public Bindings(Map<String, Object> request, Map<String, Object> globals, Supplier<Object> runtime,
			Supplier<Instant> clock) {
		this(requestView(request), globals, runtime, Map.of(), Map.of(), clock);
	}

	private Bindings(Map<String, Object> request, Map<String, Object> globals, Supplier<Object> runtime,
			Map<String, Object> constants, Map<String, Object> variables, Supplier<Instant> clock) {
		this.request = request;
		this.principal = request.get("principal");
		this.resource = request.get("resource");
		this.globals = globals;
		this.runtime = runtime;
		this.constants = constants;
		this.variables = variables;
		this.clock = clock;
	}

	/** The same request seen from a policy with these constants and variables. */
	public Bindings with(Map<String, Object> constants, Map<String, Object> variables) {
		return new Bindings(this.request, this.globals, this.runtime, constants, variables, this.clock);
	}

	/** The same bindings with {@code now()} at another instant. */
	public Bindings withNow(Instant now) {
		return new Bindings(this.request, this.globals, this.runtime, this.constants, this.variables, () -> now);
	}

	/** What {@code now()} returns. */
	public Instant now() {
		return this.clock.get();
	}

	/** The clock {@code now()} reads: one instant for the whole check. */
	public Supplier<Instant> clock() {
		return this.clock;
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
			case CelEnvironment.RUNTIME -> protoView(this.runtime.get());
			default -> null;
		};
		return Optional.ofNullable(value);
	}

	private static Map<String, Object> requestView(Map<String, Object> request) {
		Map<String, Object> fields = new LinkedHashMap<>(request);
		fields.computeIfPresent("principal", (key, principal) -> protoView(principal));
		fields.computeIfPresent("resource", (key, resource) -> protoView(resource));
		return new ProtoFieldView(fields);
	}

	@SuppressWarnings("unchecked")
	private static Object protoView(Object value) {
		return (value instanceof Map<?, ?> map && !(value instanceof ProtoFieldView))
				? new ProtoFieldView((Map<String, Object>) map) : value;
	}

	/**
	 * A read-only view of a request map that also answers to the protobuf field names; iteration shows the map's
	 * own keys only.
	 */
	private static final class ProtoFieldView extends AbstractMap<String, Object> {

		private final Map<String, Object> fields;

		ProtoFieldView(Map<String, Object> fields) {
			this.fields = Collections.unmodifiableMap(fields);
		}

		@Override
		public boolean containsKey(Object key) {
			if (this.fields.containsKey(key)) {
				return true;
			}
			String alias = PROTO_FIELD_NAMES.get(key);
			return alias != null && this.fields.containsKey(alias);
		}

		@Override
		public Object get(Object key) {
			Object value = this.fields.get(key);
			if (value == null && !this.fields.containsKey(key)) {
				String alias = PROTO_FIELD_NAMES.get(key);
				return (alias != null) ? this.fields.get(alias) : null;
			}
			return value;
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return this.fields.entrySet();
		}

		@Override
		public int size() {
			return this.fields.size();
		}

	}

}
