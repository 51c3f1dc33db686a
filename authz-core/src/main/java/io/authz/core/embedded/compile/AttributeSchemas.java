package io.authz.core.embedded.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.authz.core.model.ValidationError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON schemas under a policy directory's {@code _schemas/} folder, addressed as Cerbos addresses them
 * ({@code cerbos:///principal.json} is {@code _schemas/principal.json}), compiled with a maintained JSON Schema
 * library (draft 2020-12 unless a schema says otherwise).
 */
final class AttributeSchemas {

	static final String SCHEME = "cerbos:///";

	static final String FOLDER = "_schemas/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> sources;

	private final SchemaRegistry registry;

	private final Map<String, Schema> loaded = new HashMap<>();

	AttributeSchemas(Map<String, String> sources) {
		this.sources = Map.copyOf(sources);
		this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemas(this::source));
	}

	private String source(String iri) {
		String path = iri.startsWith(SCHEME) ? iri.substring(SCHEME.length()) : iri;
		return this.sources.get(path);
	}

	/**
	 * Loads and compiles the schema a policy refers to.
	 * @throws IllegalArgumentException when it does not exist or is not a valid schema
	 */
	Schema load(String ref) {
		Schema cached = this.loaded.get(ref);
		if (cached != null) {
			return cached;
		}
		String path = ref.startsWith(SCHEME) ? ref.substring(SCHEME.length()) : ref;
		if (!this.sources.containsKey(path)) {
			throw new IllegalArgumentException("schema " + FOLDER + path + " doesn't exist");
		}
		Schema schema;
		try {
			JsonNode node = JSON.readTree(this.sources.get(path));
			if (!node.isObject() && !node.isBoolean()) {
				throw new IllegalArgumentException("a schema must be a JSON object or boolean");
			}
			schema = this.registry.getSchema(SchemaLocation.of(SCHEME + path), node);
			schema.initializeValidators();
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("schema " + ref + " is invalid: " + ex.getMessage(), ex);
		}
		this.loaded.put(ref, schema);
		return schema;
	}

	/** Validates attributes against a schema; errors carry a JSON pointer to the attribute. */
	static List<ValidationError> validate(Schema schema, Map<String, Object> attributes, String source) {
		JsonNode node = JSON.valueToTree(attributes);
		List<ValidationError> errors = new ArrayList<>();
		for (Error error : schema.validate(node)) {
			String pointer = error.getInstanceLocation().toString();
			String path = pointer.startsWith("$") ? toPointer(pointer) : pointer;
			errors.add(new ValidationError(path, message(error), source));
		}
		return errors;
	}

	/** Cerbos' wording where it is known and matters to callers comparing responses; the library's otherwise. */
	private static String message(Error error) {
		if ("enum".equals(error.getKeyword()) && error.getSchemaNode() != null && error.getSchemaNode().isArray()) {
			List<String> values = new ArrayList<>();
			error.getSchemaNode().forEach((value) -> values.add(JSON.writeValueAsString(value)));
			return "value must be one of " + String.join(", ", values);
		}
		return error.getMessage();
	}

	private static String toPointer(String jsonPath) {
		String rest = jsonPath.substring(1);
		if (rest.isEmpty()) {
			return "";
		}
		return rest.replaceAll("\\[(\\d+)]", "/$1").replaceAll("\\['([^']*)']", "/$1").replace('.', '/');
	}

}
