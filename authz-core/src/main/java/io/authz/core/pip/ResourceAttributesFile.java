package io.authz.core.pip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.authz.core.model.Resource;
import io.authz.core.protocol.JsonValues;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A {@link ResourceAttributeProvider} backed by JSON or YAML files of resources of one kind, keyed by id (an object
 * of id to attributes, or a list of objects each with an {@code id}). The resources are also what a PDP knows of
 * that kind, for AuthZEN resource search.
 */
public final class ResourceAttributesFile implements ResourceAttributeProvider {

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private final String kind;

	private final Map<String, Map<String, Object>> resources;

	private ResourceAttributesFile(String kind, Map<String, Map<String, Object>> resources) {
		this.kind = kind;
		this.resources = Collections.unmodifiableMap(resources);
	}

	/**
	 * Reads files of resources of one kind; later files add to (and override entries of) earlier ones.
	 * @param kind the resource kind the files describe
	 * @param files the files' names (a name ending in {@code .json} is read as JSON, anything else as YAML) and
	 * contents
	 * @throws IllegalArgumentException if a file is not a map or list of resources
	 */
	public static ResourceAttributesFile read(String kind, Map<String, InputStream> files) {
		Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
		files.forEach((name, content) -> readInto(resources, name, content));
		return new ResourceAttributesFile(kind, resources);
	}

	private static void readInto(Map<String, Map<String, Object>> resources, String name, InputStream content) {
		JsonNode root;
		try (content) {
			ObjectMapper mapper = name.toLowerCase(Locale.ROOT).endsWith(".json") ? JsonValues.mapper() : YAML;
			root = mapper.readTree(content);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Resource attributes file '" + name + "' is not valid JSON or YAML: "
					+ ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Resource attributes file '" + name + "' could not be read", ex);
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			return;
		}
		if (root.isObject()) {
			for (Map.Entry<String, JsonNode> entry : root.properties()) {
				resources.put(entry.getKey(), attributes(name, entry.getKey(), entry.getValue()));
			}
		}
		else if (root.isArray()) {
			for (JsonNode element : root) {
				JsonNode id = element.get("id");
				if (id == null || !(id.isString() || id.isNumber())) {
					throw new IllegalArgumentException("Resource attributes file '" + name + "': an entry has no 'id'");
				}
				Map<String, Object> attributes = attributes(name, id.asString(), element);
				attributes.remove("id");
				resources.put(id.asString(), attributes);
			}
		}
		else {
			throw new IllegalArgumentException("Resource attributes file '" + name
					+ "' must hold an object of resources keyed by id (or a list of resources with an 'id')");
		}
	}

	private static Map<String, Object> attributes(String file, String id, JsonNode node) {
		if (!node.isObject()) {
			throw new IllegalArgumentException(
					"Resource attributes file '" + file + "': resource '" + id + "' must be an object");
		}
		return JsonValues.toMap(node);
	}

	@Override
	public Map<String, Object> attributes(Resource resource) {
		return this.kind.equals(resource.kind()) ? this.resources.get(resource.id()) : null;
	}

	/** The resource kind of the file. */
	public String kind() {
		return this.kind;
	}

	/** The ids of the resources, in file order. */
	public List<String> ids() {
		return new ArrayList<>(this.resources.keySet());
	}

	@Override
	public String toString() {
		return "ResourceAttributesFile '" + this.kind + "' (" + this.resources.size() + " resources)";
	}

}
