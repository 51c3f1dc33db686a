package io.authz.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads policy files (YAML or JSON) into {@link PolicyDocument}s, strictly: an unknown field, a wrong type or
 * broken syntax is an error naming the file, the line and the place in the document.
 */
public final class PolicyParser {

	private final ObjectMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final ObjectMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** The outcome of parsing one file: a document, or the errors that prevented it. */
	public record Parsed(PolicyFile file, PolicyDocument document, List<PolicyError> errors) {

		public boolean isValid() {
			return this.errors.isEmpty();
		}

	}

	/**
	 * Whether Cerbos would skip this path when loading a policy directory: hidden files and folders,
	 * {@code testdata} folders, the {@code _schemas} folder, test suites, and files that are not YAML or JSON.
	 */
	public static boolean isPolicyPath(String path) {
		String normalized = path.replace('\\', '/');
		String[] segments = normalized.split("/");
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			if (segment.isEmpty()) {
				continue;
			}
			if (segment.startsWith(".")) {
				return false;
			}
			boolean folder = i < segments.length - 1;
			if (folder && (segment.equals("testdata") || segment.equals("_schemas"))) {
				return false;
			}
		}
		String name = segments[segments.length - 1].toLowerCase(Locale.ROOT);
		if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
			return false;
		}
		String base = name.substring(0, name.lastIndexOf('.'));
		return !base.endsWith("_test");
	}

	public Parsed parse(PolicyFile file) {
		List<PolicyError> errors = new ArrayList<>();
		if (file.content().isBlank()) {
			errors.add(new PolicyError(file.path(), 0, 0, "", "file is empty"));
			return new Parsed(file, null, errors);
		}
		ObjectMapper mapper = file.path().toLowerCase(Locale.ROOT).endsWith(".json") ? this.json : this.yaml;
		PolicyDocument document;
		try {
			document = mapper.readValue(file.content(), PolicyDocument.class);
		}
		catch (JacksonException ex) {
			errors.add(toError(file, ex));
			return new Parsed(file, null, errors);
		}
		if (document == null) {
			errors.add(new PolicyError(file.path(), 0, 0, "", "file holds no policy"));
			return new Parsed(file, null, errors);
		}
		validateShape(file, document, errors);
		return new Parsed(file, errors.isEmpty() ? document : null, errors);
	}

	private static void validateShape(PolicyFile file, PolicyDocument document, List<PolicyError> errors) {
		if (!PolicyDocument.API_VERSION.equals(document.apiVersion())) {
			errors.add(new PolicyError(file.path(), 0, 0, "apiVersion",
					"apiVersion must be '" + PolicyDocument.API_VERSION + "' but is '" + document.apiVersion() + "'"));
		}
		int kinds = count(document.resourcePolicy(), document.principalPolicy(), document.derivedRoles(),
				document.rolePolicy(), document.exportVariables(), document.exportConstants());
		if (kinds != 1) {
			errors.add(new PolicyError(file.path(), 0, 0, "",
					(kinds == 0) ? "no policy found: expected one of resourcePolicy, principalPolicy, derivedRoles, "
							+ "rolePolicy, exportVariables, exportConstants"
							: "a file must hold exactly one policy but holds " + kinds));
		}
	}

	private static int count(Object... values) {
		int count = 0;
		for (Object value : values) {
			if (value != null) {
				count++;
			}
		}
		return count;
	}

	private static PolicyError toError(PolicyFile file, JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		int line = (location != null) ? Math.max(location.getLineNr(), 0) : 0;
		int column = (location != null) ? Math.max(location.getColumnNr(), 0) : 0;
		String place = (ex instanceof DatabindException) ? describePath(ex.getPath()) : "";
		if (ex instanceof UnrecognizedPropertyException unknown) {
			// The parser has moved past the field when this is raised: point at the field itself.
			int fieldLine = findFieldLine(file.content(), String.valueOf(unknown.getPropertyName()), line);
			if (fieldLine > 0) {
				line = fieldLine;
				column = 0;
			}
			return new PolicyError(file.path(), line, column, place, "unknown field '" + unknown.getPropertyName()
					+ "'; known fields here: " + unknown.getKnownPropertyIds());
		}
		return new PolicyError(file.path(), line, column, place, ex.getOriginalMessage());
	}

	private static int findFieldLine(String content, String field, int before) {
		String[] lines = content.split("\\R", -1);
		int last = (before > 0) ? Math.min(before, lines.length) : lines.length;
		for (int i = last - 1; i >= 0; i--) {
			String text = lines[i].strip();
			if (text.startsWith("- ")) {
				text = text.substring(2).strip();
			}
			if (text.startsWith(field + ":") || text.startsWith("\"" + field + "\"")) {
				return i + 1;
			}
		}
		return 0;
	}

	private static String describePath(List<JacksonException.Reference> path) {
		StringBuilder text = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!text.isEmpty()) {
					text.append('.');
				}
				text.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				text.append('[').append(reference.getIndex()).append(']');
			}
		}
		return text.toString();
	}

}
