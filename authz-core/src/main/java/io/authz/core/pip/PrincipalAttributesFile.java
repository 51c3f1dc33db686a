package io.authz.core.pip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.authz.core.model.Principal;
import io.authz.core.protocol.JsonValues;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A {@link PrincipalAttributeProvider} backed by a JSON or YAML file of principals keyed by principal id. Each
 * entry's {@code roles} (a string or a list of strings) are roles; every other member is an attribute:
 *
 * <pre class="code">
 * {
 *   "CiRmZDA2MTRk...": { "email": "rick@the-citadel.com", "roles": ["admin", "evil_genius"] },
 *   "alice": { "department": "Sales", "roles": "manager" }
 * }
 * </pre>
 *
 * A list of objects, each with an {@code id}, is accepted too. Lookups are by id, whatever the principal type. The
 * file is read once.
 */
public final class PrincipalAttributesFile implements PrincipalAttributeProvider {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private final String name;

	private final Map<String, PrincipalAttributes> principals;

	private PrincipalAttributesFile(String name, Map<String, PrincipalAttributes> principals) {
		this.name = name;
		this.principals = principals;
	}

	/**
	 * Reads a file.
	 * @param name the file's name, for messages; a name ending in {@code .json} is read as JSON, anything else as
	 * YAML (which also reads JSON)
	 * @param content the content
	 * @throws IllegalArgumentException if the file is not a map (or list) of principals
	 */
	public static PrincipalAttributesFile read(String name, InputStream content) {
		JsonNode root;
		try (content) {
			ObjectMapper mapper = name.toLowerCase(Locale.ROOT).endsWith(".json") ? JsonValues.mapper() : YAML;
			root = mapper.readTree(content);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Principal attributes file '" + name + "' is not valid JSON or YAML: "
					+ ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Principal attributes file '" + name + "' could not be read", ex);
		}
		Map<String, PrincipalAttributes> principals = new LinkedHashMap<>();
		if (root == null || root.isMissingNode() || root.isNull()) {
			return new PrincipalAttributesFile(name, principals);
		}
		if (root.isObject()) {
			for (Map.Entry<String, JsonNode> entry : root.properties()) {
				principals.put(entry.getKey(), entry(name, entry.getKey(), entry.getValue(), false));
			}
		}
		else if (root.isArray()) {
			int index = 0;
			for (JsonNode element : root) {
				JsonNode id = element.get("id");
				if (id == null || !(id.isString() || id.isNumber())) {
					throw new IllegalArgumentException(
							"Principal attributes file '" + name + "': entry " + index + " has no 'id'");
				}
				principals.put(id.asString(), entry(name, id.asString(), element, true));
				index++;
			}
		}
		else {
			throw new IllegalArgumentException("Principal attributes file '" + name
					+ "' must hold an object of principals keyed by id (or a list of principals with an 'id')");
		}
		return new PrincipalAttributesFile(name, principals);
	}

	private static PrincipalAttributes entry(String file, String id, JsonNode node, boolean dropId) {
		if (!node.isObject()) {
			throw new IllegalArgumentException(
					"Principal attributes file '" + file + "': principal '" + id + "' must be an object");
		}
		Map<String, Object> attributes = JsonValues.toMap(node);
		Object rolesValue = attributes.remove("roles");
		if (dropId) {
			attributes.remove("id");
		}
		List<String> roles = new ArrayList<>();
		if (rolesValue instanceof String role) {
			roles.add(role);
		}
		else if (rolesValue instanceof List<?> list) {
			for (Object role : list) {
				if (!(role instanceof String text)) {
					throw new IllegalArgumentException("Principal attributes file '" + file + "': roles of '" + id
							+ "' must be strings");
				}
				roles.add(text);
			}
		}
		else if (rolesValue != null) {
			throw new IllegalArgumentException("Principal attributes file '" + file + "': roles of '" + id
					+ "' must be a string or a list of strings");
		}
		return new PrincipalAttributes(roles, attributes);
	}

	@Override
	public PrincipalAttributes attributes(Principal principal) {
		return this.principals.get(principal.id());
	}

	/** The principals in the file, by id. */
	public Map<String, PrincipalAttributes> principals() {
		return this.principals;
	}

	@Override
	public String toString() {
		return "PrincipalAttributesFile '" + this.name + "' (" + this.principals.size() + " principals)";
	}

}
