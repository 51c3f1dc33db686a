package io.authz.spring.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.core.policy.PolicyFile;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;

/**
 * Reads the policy files under a Spring resource location ({@code classpath:policies/},
 * {@code file:/etc/policies/}): every {@code *.yaml}, {@code *.yml} and {@code *.json} file at any depth, as UTF-8,
 * each with its path relative to the location. Works for class path locations in directories and in jars (that
 * have directory entries, as jars built by Maven and Spring Boot do).
 */
public final class PolicyFileLoader {

	private static final List<String> PATTERNS = List.of("**/*.yaml", "**/*.yml", "**/*.json");

	private final ResourcePatternResolver resolver;

	/**
	 * Creates a loader that resolves locations with the given resource loader.
	 * @param resourceLoader the resource loader, usually the application context
	 */
	public PolicyFileLoader(ResourceLoader resourceLoader) {
		Assert.notNull(resourceLoader, "'resourceLoader' must not be null");
		this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
	}

	/**
	 * Creates a loader for the default class loader.
	 */
	public PolicyFileLoader() {
		this.resolver = new PathMatchingResourcePatternResolver();
	}

	/**
	 * Reads the policy files under a location.
	 * @param location the location of the policy directory
	 * @return the files, ordered by path
	 * @throws NoPolicyFilesException when the location does not exist or holds no policy files
	 * @throws UncheckedIOException when a file cannot be read
	 */
	public List<PolicyFile> load(String location) {
		Assert.hasText(location, "'location' must not be empty");
		String directory = location.endsWith("/") ? location : location + "/";
		Resource root = this.resolver.getResource(directory);
		String rootUrl = urlOf(root);
		Map<String, PolicyFile> files = new LinkedHashMap<>();
		try {
			for (String pattern : PATTERNS) {
				for (Resource resource : this.resolver.getResources(directory + pattern)) {
					if (resource.isReadable()) {
						String path = relativePath(root, rootUrl, resource);
						files.putIfAbsent(path, new PolicyFile(path, read(resource)));
					}
				}
			}
		}
		catch (IOException ex) {
			if (!root.exists()) {
				throw new NoPolicyFilesException(location, false);
			}
			throw new UncheckedIOException("Failed to list policy files in '" + location + "'", ex);
		}
		if (files.isEmpty()) {
			throw new NoPolicyFilesException(location, root.exists());
		}
		List<PolicyFile> sorted = new ArrayList<>(files.values());
		sorted.sort(Comparator.comparing(PolicyFile::path));
		return sorted;
	}

	private static String read(Resource resource) throws IOException {
		try (var input = resource.getInputStream()) {
			return StreamUtils.copyToString(input, StandardCharsets.UTF_8);
		}
	}

	private static String relativePath(Resource root, @Nullable String rootUrl, Resource file) throws IOException {
		if (root.isFile() && file.isFile()) {
			Path rootPath = root.getFile().toPath().toAbsolutePath();
			return rootPath.relativize(file.getFile().toPath().toAbsolutePath()).toString().replace('\\', '/');
		}
		String fileUrl = decode(file.getURL().toString());
		if (rootUrl != null && fileUrl.startsWith(rootUrl)) {
			return fileUrl.substring(rootUrl.length());
		}
		String name = file.getFilename();
		return (name != null) ? name : fileUrl;
	}

	private static @Nullable String urlOf(Resource root) {
		try {
			if (!root.exists()) {
				return null;
			}
			String url = decode(root.getURL().toString());
			return url.endsWith("/") ? url : url + "/";
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String decode(String url) {
		return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
