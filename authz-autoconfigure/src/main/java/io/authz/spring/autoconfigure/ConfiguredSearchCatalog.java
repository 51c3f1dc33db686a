package io.authz.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.authz.core.pip.PrincipalAttributes;
import io.authz.core.pip.PrincipalAttributesFile;
import io.authz.core.pip.ResourceAttributesFile;
import io.authz.core.protocol.authzen.SearchCatalog;

/**
 * The search catalog of configuration: {@code authz.server.search.*} plus the principals and resources of the
 * attribute files.
 */
final class ConfiguredSearchCatalog implements SearchCatalog {

	private static final String DEFAULT_SUBJECT_TYPE = "user";

	private final Map<String, List<String>> subjects;

	private final Map<String, List<String>> resources;

	private final Map<String, List<String>> actions;

	ConfiguredSearchCatalog(AuthzProperties.Server.Search search, AttributeFiles files) {
		Map<String, Set<String>> subjects = new LinkedHashMap<>();
		search.getSubjects().forEach((type, ids) -> add(subjects, type, ids));
		for (PrincipalAttributesFile file : files.principals()) {
			file.principals().forEach((id, attributes) -> add(subjects, typeOf(attributes), List.of(id)));
		}
		Map<String, Set<String>> resources = new LinkedHashMap<>();
		search.getResources().forEach((type, ids) -> add(resources, type, ids));
		for (ResourceAttributesFile file : files.resources().values()) {
			add(resources, file.kind(), file.ids());
		}
		this.subjects = freeze(subjects);
		this.resources = freeze(resources);
		Map<String, Set<String>> actions = new LinkedHashMap<>();
		search.getActions().forEach((type, names) -> add(actions, type, names));
		this.actions = freeze(actions);
	}

	private static void add(Map<String, Set<String>> map, String type, List<String> values) {
		map.computeIfAbsent(type, (key) -> new LinkedHashSet<>()).addAll(values);
	}

	private static String typeOf(PrincipalAttributes attributes) {
		Object type = attributes.attributes().get("type");
		return (type instanceof String text && !text.isEmpty()) ? text : DEFAULT_SUBJECT_TYPE;
	}

	private static Map<String, List<String>> freeze(Map<String, Set<String>> map) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		map.forEach((key, values) -> result.put(key, List.copyOf(new ArrayList<>(values))));
		return result;
	}

	@Override
	public List<String> subjectIds(String type) {
		return this.subjects.getOrDefault(type, List.of());
	}

	@Override
	public List<String> resourceIds(String type) {
		return this.resources.getOrDefault(type, List.of());
	}

	@Override
	public List<String> actions(String resourceType) {
		return this.actions.getOrDefault(resourceType, List.of());
	}

}
