package io.authz.test.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;

/**
 * Reads a YAML or JSON file into {@link Node}s. YAML anchors, aliases and merge keys ({@code <<: *base}) are
 * resolved, as Cerbos resolves them, because test fixtures use them heavily.
 */
final class StructuredText {

	private static final TokenStreamFactory YAML = new YAMLAnchorReplayingFactory();

	private static final TokenStreamFactory JSON = new JsonFactory();

	private static final Pattern MARK = Pattern.compile("\\s*in reader, line (\\d+), column (\\d+):?\\s*");

	private StructuredText() {
	}

	/**
	 * Parses one document.
	 * @param fileName the file's name; {@code .json} files are read as JSON, everything else as YAML
	 * @param content the file's text
	 * @throws SyntaxException if the text is not one well-formed document
	 */
	static Node parse(String fileName, String content) {
		boolean json = fileName.toLowerCase(Locale.ROOT).endsWith(".json");
		try (JsonParser parser = (json ? JSON : YAML).createParser(ObjectReadContext.empty(), content)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw new SyntaxException(0, 0, "the file holds no document");
			}
			Node root = read(parser, first);
			// YAML streams end each document with a null token; anything after that is a second document.
			for (int i = 0; i < 2; i++) {
				JsonToken next = parser.nextToken();
				if (next != null) {
					TokenStreamLocation location = parser.currentTokenLocation();
					throw new SyntaxException(location.getLineNr(), location.getColumnNr(),
							"the file must hold a single document");
				}
			}
			return root;
		}
		catch (JacksonException ex) {
			throw syntaxError(ex, json);
		}
	}

	/**
	 * The YAML parser's message spans several lines, with the text around each place it quotes; keep the
	 * sentences and point at the last place, where the problem is.
	 */
	private static SyntaxException syntaxError(JacksonException ex, boolean json) {
		TokenStreamLocation location = ex.getLocation();
		int line = (location != null) ? Math.max(location.getLineNr(), 0) : 0;
		int column = (location != null) ? Math.max(location.getColumnNr(), 0) : 0;
		String message = (ex.getOriginalMessage() != null) ? ex.getOriginalMessage() : "unreadable content";
		List<String> sentences = new ArrayList<>();
		for (String text : message.split("\\R")) {
			Matcher mark = MARK.matcher(text);
			if (mark.matches()) {
				line = Integer.parseInt(mark.group(1));
				column = Integer.parseInt(mark.group(2));
			}
			else if (!text.isBlank() && !Character.isWhitespace(text.charAt(0))) {
				sentences.add(text.strip());
			}
		}
		return new SyntaxException(line, column, "invalid " + (json ? "JSON" : "YAML") + ": "
				+ String.join(": ", sentences));
	}

	private static Node read(JsonParser parser, JsonToken token) {
		TokenStreamLocation location = parser.currentTokenLocation();
		int line = location.getLineNr();
		int column = location.getColumnNr();
		switch (token) {
			case START_OBJECT -> {
				return readMap(parser, line, column);
			}
			case START_ARRAY -> {
				List<Node> elements = new ArrayList<>();
				for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
					elements.add(read(parser, next));
				}
				return Node.list(elements, line, column);
			}
			case VALUE_STRING -> {
				return Node.scalar(parser.getString(), line, column);
			}
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
				return Node.scalar(parser.getNumberValue(), line, column);
			}
			case VALUE_TRUE -> {
				return Node.scalar(Boolean.TRUE, line, column);
			}
			case VALUE_FALSE -> {
				return Node.scalar(Boolean.FALSE, line, column);
			}
			case VALUE_NULL -> {
				return Node.scalar(null, line, column);
			}
			default -> throw new SyntaxException(line, column, "unexpected " + token);
		}
	}

	private static Node readMap(JsonParser parser, int line, int column) {
		Map<String, Node> entries = new LinkedHashMap<>();
		Map<String, Boolean> merged = new HashMap<>();
		for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
			String key = parser.currentName();
			TokenStreamLocation keyLocation = parser.currentTokenLocation();
			// A merge key (<<: *base) is replayed as the base's own entries, which were written before this
			// mapping started. Keys written in the mapping win over merged ones, the first merge wins over later.
			boolean fromMerge = before(keyLocation.getLineNr(), keyLocation.getColumnNr(), line, column);
			Node value = read(parser, parser.nextToken());
			Boolean existingFromMerge = merged.get(key);
			if (existingFromMerge == null) {
				entries.put(key, value);
				merged.put(key, fromMerge);
			}
			else if (!existingFromMerge && !fromMerge) {
				throw new SyntaxException(keyLocation.getLineNr(), keyLocation.getColumnNr(),
						"duplicate key \"" + key + "\"");
			}
			else if (existingFromMerge && !fromMerge) {
				entries.put(key, value);
				merged.put(key, false);
			}
		}
		return Node.map(entries, line, column);
	}

	private static boolean before(int line, int column, int otherLine, int otherColumn) {
		return line < otherLine || (line == otherLine && column < otherColumn);
	}

	/** The text is not one well-formed YAML or JSON document. */
	static final class SyntaxException extends RuntimeException {

		private final int line;

		private final int column;

		SyntaxException(int line, int column, String message) {
			super(message);
			this.line = line;
			this.column = column;
		}

		/** {@code line:column message}, or only the message when the place is unknown. */
		String describe() {
			return (this.line > 0) ? this.line + ":" + this.column + " " + getMessage() : getMessage();
		}

	}

}
