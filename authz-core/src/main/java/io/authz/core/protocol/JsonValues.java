package io.authz.core.protocol;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON plumbing shared by the protocol codecs: strict parsing of request bodies into trees, typed access to
 * members with messages that name the offending path, and conversion between trees and plain Java values (maps,
 * lists, strings, numbers, booleans, {@code null}).
 */
public final class JsonValues {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private JsonValues() {
	}

	/** The mapper the codecs use: independent of any application customisation. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Parses a request body that must be one JSON object.
	 * @param body the raw body, may be {@code null}
	 * @return the object
	 * @throws ProtocolException if the body is empty, not JSON, or not an object
	 */
	public static ObjectNode readObject(byte[] body) {
		if (body == null || isBlank(body)) {
			throw new ProtocolException("Request body is empty: expected a JSON object");
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw new ProtocolException("Request body is not valid JSON: " + describe(ex), ex);
		}
		if (node == null || !node.isObject()) {
			throw new ProtocolException("Request body must be a JSON object");
		}
		return (ObjectNode) node;
	}

	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		if (message != null) {
			int newline = message.indexOf('\n');
			message = (newline >= 0) ? message.substring(0, newline) : message;
		}
		if (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) {
			return message + " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr()
					+ ")";
		}
		return message;
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The member of an object, treating JSON {@code null} as absent.
	 * @return the member, or {@code null}
	 */
	public static JsonNode member(JsonNode object, String... names) {
		for (String name : names) {
			JsonNode value = object.get(name);
			if (value != null && !value.isNull()) {
				return value;
			}
		}
		return null;
	}

	/** A string member, or {@code null} when absent; any other type is an error naming {@code path}. */
	public static String string(JsonNode object, String path, String... names) {
		JsonNode value = member(object, names);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw new ProtocolException(path + ": must be a string, not " + typeOf(value));
		}
		return value.stringValue();
	}

	/** A boolean member, {@code false} when absent; any other type is an error naming {@code path}. */
	public static boolean bool(JsonNode object, String path, String... names) {
		JsonNode value = member(object, names);
		if (value == null) {
			return false;
		}
		if (!value.isBoolean()) {
			throw new ProtocolException(path + ": must be a boolean, not " + typeOf(value));
		}
		return value.booleanValue();
	}

	/** An object member, or {@code null} when absent; any other type is an error naming {@code path}. */
	public static ObjectNode object(JsonNode object, String path, String... names) {
		JsonNode value = member(object, names);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			throw new ProtocolException(path + ": must be an object, not " + typeOf(value));
		}
		return (ObjectNode) value;
	}

	/** An array member, or {@code null} when absent; any other type is an error naming {@code path}. */
	public static ArrayNode array(JsonNode object, String path, String... names) {
		JsonNode value = member(object, names);
		if (value == null) {
			return null;
		}
		if (!value.isArray()) {
			throw new ProtocolException(path + ": must be an array, not " + typeOf(value));
		}
		return (ArrayNode) value;
	}

	/** An array of strings, or {@code null} when absent. */
	public static List<String> strings(JsonNode object, String path, String... names) {
		ArrayNode array = array(object, path, names);
		if (array == null) {
			return null;
		}
		List<String> values = new ArrayList<>(array.size());
		for (int i = 0; i < array.size(); i++) {
			JsonNode element = array.get(i);
			if (!element.isString()) {
				throw new ProtocolException(path + "[" + i + "]: must be a string, not " + typeOf(element));
			}
			values.add(element.stringValue());
		}
		return values;
	}

	/** A map member with plain Java values, or {@code null} when absent. */
	public static Map<String, Object> map(JsonNode object, String path, String... names) {
		ObjectNode value = object(object, path, names);
		return (value != null) ? toMap(value) : null;
	}

	/** The JSON type of a node, for messages. */
	public static String typeOf(JsonNode node) {
		if (node.isString()) {
			return "a string";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isBoolean()) {
			return "a boolean";
		}
		if (node.isArray()) {
			return "an array";
		}
		if (node.isObject()) {
			return "an object";
		}
		return "null";
	}

	/** Converts an object node to a map of plain Java values, keeping member order. */
	public static Map<String, Object> toMap(JsonNode object) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			map.put(entry.getKey(), toJava(entry.getValue()));
		}
		return map;
	}

	/** Converts a node to a plain Java value: integers become {@code Long}, other numbers {@code Double}. */
	public static Object toJava(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isIntegralNumber()) {
			BigInteger value = node.bigIntegerValue();
			return (value.bitLength() < 64) ? (Object) value.longValue() : (Object) value.doubleValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			node.values().forEach((element) -> list.add(toJava(element)));
			return list;
		}
		if (node.isObject()) {
			return toMap(node);
		}
		return node.asString();
	}

	/** Converts a plain Java value (maps, collections, records, scalars) to a tree. */
	public static JsonNode toNode(Object value) {
		if (value == null) {
			return JsonNodeFactory.instance.nullNode();
		}
		return MAPPER.valueToTree(value);
	}

	/** A new, empty object node. */
	public static ObjectNode newObject() {
		return JsonNodeFactory.instance.objectNode();
	}

	/** A new, empty array node. */
	public static ArrayNode newArray() {
		return JsonNodeFactory.instance.arrayNode();
	}

	/** Serialises a tree or value to UTF-8 JSON. */
	public static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

}
