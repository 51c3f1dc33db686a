package io.authz.spring.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A rule that turns matching HTTP requests into a policy check: requests whose path matches {@code path} (and
 * whose method is one of {@code methods}, if any are given) are checked as {@code action} on a resource of kind
 * {@code resource}, whose id is a path variable and whose attributes come from headers, query parameters or path
 * variables.
 */
public final class HttpRule {

	private final String path;

	private final Set<HttpMethod> methods;

	private final String resource;

	private final @Nullable String idVariable;

	private final @Nullable String action;

	private final Map<String, AttributeSource> attributes;

	private final RequestMatcher matcher;

	private final List<PathPatternRequestMatcher> matchers;

	private HttpRule(String path, Set<HttpMethod> methods, String resource, @Nullable String idVariable,
			@Nullable String action, Map<String, AttributeSource> attributes) {
		this.path = path;
		this.methods = methods;
		this.resource = resource;
		this.idVariable = idVariable;
		this.action = action;
		this.attributes = attributes;
		List<PathPatternRequestMatcher> matchers = new ArrayList<>();
		if (methods.isEmpty()) {
			matchers.add(PathPatternRequestMatcher.pathPattern(path));
		}
		else {
			methods.forEach((method) -> matchers.add(PathPatternRequestMatcher.pathPattern(method, path)));
		}
		this.matchers = List.copyOf(matchers);
		this.matcher = (matchers.size() == 1) ? matchers.get(0) : new OrRequestMatcher(List.copyOf(matchers));
	}

	/**
	 * Creates a rule.
	 * @param path the path pattern ({@code /api/documents/{id}})
	 * @param methods the methods it matches, every method when empty
	 * @param resource the resource kind
	 * @param idVariable the path variable holding the resource id, or {@code null} for no id
	 * @param action the action, or {@code null} to derive it from the method
	 * @param attributes the resource attributes by name, each {@code header:<name>}, {@code query:<name>} or
	 * {@code path:<variable>}
	 * @return the rule
	 * @throws IllegalArgumentException if a part is missing or malformed
	 */
	public static HttpRule of(String path, List<String> methods, String resource, @Nullable String idVariable,
			@Nullable String action, Map<String, String> attributes) {
		Assert.isTrue(StringUtils.hasText(path), "path is required");
		Assert.isTrue(path.startsWith("/"), () -> "path '" + path + "' must start with '/'");
		Assert.isTrue(StringUtils.hasText(resource), () -> "resource is required (rule for '" + path + "')");
		Set<HttpMethod> parsedMethods = new LinkedHashSet<>();
		if (methods != null) {
			for (String method : methods) {
				Assert.isTrue(StringUtils.hasText(method), () -> "empty method in rule for '" + path + "'");
				parsedMethods.add(HttpMethod.valueOf(method.trim().toUpperCase(Locale.ROOT)));
			}
		}
		Map<String, AttributeSource> sources = new LinkedHashMap<>();
		if (attributes != null) {
			attributes.forEach((name, source) -> sources.put(name, AttributeSource.parse(path, name, source)));
		}
		try {
			return new HttpRule(path, Collections.unmodifiableSet(parsedMethods), resource,
					StringUtils.hasText(idVariable) ? idVariable : null, StringUtils.hasText(action) ? action : null,
					sources);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Invalid path pattern '" + path + "': " + ex.getMessage(), ex);
		}
	}

	/** The request matcher of the rule (path and methods). */
	public RequestMatcher getRequestMatcher() {
		return this.matcher;
	}

	/**
	 * The path variables of a request the rule matches.
	 * @return the variables, or {@code null} when the rule does not match
	 */
	@Nullable Map<String, String> match(HttpServletRequest request) {
		for (PathPatternRequestMatcher matcher : this.matchers) {
			RequestMatcher.MatchResult result = matcher.matcher(request);
			if (result.isMatch()) {
				return result.getVariables();
			}
		}
		return null;
	}

	public String getPath() {
		return this.path;
	}

	public String getResource() {
		return this.resource;
	}

	/** The resource id of a matched request: the id path variable, empty when the rule has none. */
	String resourceId(Map<String, String> variables) {
		if (this.idVariable == null) {
			return "";
		}
		String id = variables.get(this.idVariable);
		return (id != null) ? id : "";
	}

	/** The action of a matched request. */
	String action(HttpServletRequest request) {
		if (this.action != null) {
			return this.action;
		}
		return defaultAction(request.getMethod());
	}

	/**
	 * The action a method stands for: GET and HEAD {@code read}, POST {@code create}, PUT and PATCH {@code update},
	 * DELETE {@code delete}, any other method its lower-case name.
	 */
	public static String defaultAction(String method) {
		String upper = method.toUpperCase(Locale.ROOT);
		return switch (upper) {
			case "GET", "HEAD" -> "read";
			case "POST" -> "create";
			case "PUT", "PATCH" -> "update";
			case "DELETE" -> "delete";
			default -> upper.toLowerCase(Locale.ROOT);
		};
	}

	/** The resource attributes of a matched request. */
	Map<String, Object> attributes(HttpServletRequest request, Map<String, String> variables) {
		if (this.attributes.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, List<String>> query = null;
		for (Map.Entry<String, AttributeSource> entry : this.attributes.entrySet()) {
			AttributeSource source = entry.getValue();
			Object value = switch (source.kind()) {
				case HEADER -> request.getHeader(source.name());
				case PATH -> variables.get(source.name());
				case QUERY -> {
					if (query == null) {
						query = queryParameters(request.getQueryString());
					}
					List<String> all = query.get(source.name());
					yield (all == null) ? null : (all.size() == 1) ? all.get(0) : List.copyOf(all);
				}
			};
			if (value != null) {
				values.put(entry.getKey(), value);
			}
		}
		return values;
	}

	// The query string only: request.getParameter() would read (and consume) form bodies too
	private static Map<String, List<String>> queryParameters(@Nullable String queryString) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (!StringUtils.hasLength(queryString)) {
			return parameters;
		}
		for (String pair : queryString.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	@Override
	public String toString() {
		return "HttpRule [" + (this.methods.isEmpty() ? "*" : this.methods) + " " + this.path + " -> "
				+ this.resource + ((this.action != null) ? " " + this.action : "") + "]";
	}

	/** Where an attribute's value comes from. */
	record AttributeSource(Kind kind, String name) {

		enum Kind {

			HEADER, QUERY, PATH

		}

		static AttributeSource parse(String path, String attribute, String source) {
			int colon = (source != null) ? source.indexOf(':') : -1;
			if (colon > 0 && colon < source.length() - 1) {
				String prefix = source.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String name = source.substring(colon + 1).trim();
				switch (prefix) {
					case "header":
						return new AttributeSource(Kind.HEADER, name);
					case "query":
						return new AttributeSource(Kind.QUERY, name);
					case "path":
						return new AttributeSource(Kind.PATH, name);
					default:
						break;
				}
			}
			throw new IllegalArgumentException("Attribute '" + attribute + "' of the rule for '" + path
					+ "' must be 'header:<name>', 'query:<name>' or 'path:<variable>', not '" + source + "'");
		}

	}

}
