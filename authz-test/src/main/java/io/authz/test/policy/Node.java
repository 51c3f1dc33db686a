package io.authz.test.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value of a parsed YAML or JSON document with the place it was read from, so that a problem found later
 * can name the line and column.
 */
final class Node {

	enum Kind {

		MAP("a mapping"), LIST("a list"), STRING("a string"), NUMBER("a number"), BOOLEAN("a boolean"),
		NULL("null");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

	private final Kind kind;

	private final Object value;

	private final int line;

	private final int column;

	private Node(Kind kind, Object value, int line, int column) {
		this.kind = kind;
		this.value = value;
		this.line = line;
		this.column = column;
	}

	static Node map(Map<String, Node> entries, int line, int column) {
		return new Node(Kind.MAP, entries, line, column);
	}

	static Node list(List<Node> elements, int line, int column) {
		return new Node(Kind.LIST, elements, line, column);
	}

	static Node scalar(Object value, int line, int column) {
		Kind kind;
		if (value == null) {
			kind = Kind.NULL;
		}
		else if (value instanceof String) {
			kind = Kind.STRING;
		}
		else if (value instanceof Number) {
			kind = Kind.NUMBER;
		}
		else if (value instanceof Boolean) {
			kind = Kind.BOOLEAN;
		}
		else {
			throw new IllegalArgumentException("Not a scalar: " + value.getClass().getName());
		}
		return new Node(kind, value, line, column);
	}

	Kind kind() {
		return this.kind;
	}

	boolean is(Kind kind) {
		return this.kind == kind;
	}

	@SuppressWarnings("unchecked")
	Map<String, Node> entries() {
		return (Map<String, Node>) this.value;
	}

	@SuppressWarnings("unchecked")
	List<Node> elements() {
		return (List<Node>) this.value;
	}

	Object scalarValue() {
		return this.value;
	}

	int line() {
		return this.line;
	}

	int column() {
		return this.column;
	}

	/** {@code line:column}, or empty when unknown. */
	String location() {
		return (this.line > 0) ? this.line + ":" + this.column : "";
	}

	/** The value as plain Java: maps, lists, strings, numbers, booleans and {@code null}. */
	Object toPlain() {
		switch (this.kind) {
			case MAP -> {
				Map<String, Object> map = new LinkedHashMap<>();
				entries().forEach((key, node) -> map.put(key, node.toPlain()));
				return map;
			}
			case LIST -> {
				List<Object> list = new ArrayList<>(elements().size());
				elements().forEach((node) -> list.add(node.toPlain()));
				return list;
			}
			default -> {
				return this.value;
			}
		}
	}

}
