package io.authz.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.core.pip.PrincipalAttributesFile;
import io.authz.core.pip.ResourceAttributesFile;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * The attribute files of {@code authz.pip.principals} and {@code authz.pip.resources}, read once at start-up: they
 * feed the attribute enricher and the AuthZEN search catalog.
 *
 * @param principals the principal files, in the order configured
 * @param resources the resource files, one per kind
 */
record AttributeFiles(List<PrincipalAttributesFile> principals, Map<String, ResourceAttributesFile> resources) {

	static AttributeFiles read(AuthzProperties.Pip pip, ResourceLoader resourceLoader) {
		List<PrincipalAttributesFile> principals = new ArrayList<>();
		for (String location : pip.getPrincipals()) {
			if (StringUtils.hasText(location)) {
				principals.add(PrincipalAttributesFile.read(location,
						open(location.trim(), "authz.pip.principals", resourceLoader)));
			}
		}
		Map<String, ResourceAttributesFile> resources = new LinkedHashMap<>();
		pip.getResources().forEach((kind, locations) -> {
			Map<String, InputStream> files = new LinkedHashMap<>();
			for (String location : locations) {
				if (StringUtils.hasText(location)) {
					files.put(location.trim(),
							open(location.trim(), "authz.pip.resources." + kind, resourceLoader));
				}
			}
			resources.put(kind, ResourceAttributesFile.read(kind, files));
		});
		return new AttributeFiles(List.copyOf(principals), resources);
	}

	private static InputStream open(String location, String property, ResourceLoader resourceLoader) {
		Resource resource = resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw new IllegalStateException("The attributes file '" + location + "' (" + property + ") does not exist");
		}
		try {
			return resource.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The attributes file '" + location + "' (" + property
					+ ") could not be read", ex);
		}
	}

}
