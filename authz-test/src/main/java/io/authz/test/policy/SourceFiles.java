package io.authz.test.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.authz.core.policy.PolicyFile;

/**
 * The files of a policy directory, in memory, keyed by their path relative to the directory ({@code /}
 * separators). Suites, fixtures and policies are all found here.
 */
final class SourceFiles {

	static final String TEST_DATA = "testdata";

	private final Map<String, String> files;

	private SourceFiles(Map<String, String> files) {
		this.files = files;
	}

	static SourceFiles of(List<PolicyFile> files) {
		Map<String, String> map = new TreeMap<>();
		for (PolicyFile file : files) {
			map.put(normalize(file.path()), file.content());
		}
		return new SourceFiles(map);
	}

	/**
	 * Reads every file under the directory, except under hidden folders (Cerbos ignores those).
	 * @throws UncheckedIOException if the directory cannot be read
	 */
	static SourceFiles read(Path root) {
		if (!Files.isDirectory(root)) {
			throw new UncheckedIOException(new IOException("Policy directory " + root.toAbsolutePath()
					+ " does not exist or is not a directory"));
		}
		Map<String, String> map = new TreeMap<>();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					return (!dir.equals(root) && isHidden(dir.getFileName().toString())) ? FileVisitResult.SKIP_SUBTREE
							: FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					if (attrs.isRegularFile() && !isHidden(file.getFileName().toString())) {
						// Lenient decoding: a stray binary file must not stop the run; the compiler ignores it.
						map.put(normalize(root.relativize(file).toString()),
								new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read policy directory " + root.toAbsolutePath(), ex);
		}
		return new SourceFiles(map);
	}

	/** Every file, for the policy compiler (which picks the policies and schemas itself). */
	List<PolicyFile> policyFiles() {
		List<PolicyFile> result = new ArrayList<>(this.files.size());
		this.files.forEach((path, content) -> result.add(new PolicyFile(path, content)));
		return result;
	}

	/** The test suites ({@code *_test.yaml}, {@code .yml}, {@code .json}), outside hidden and testdata folders. */
	List<String> suites() {
		List<String> suites = new ArrayList<>();
		for (String path : this.files.keySet()) {
			String[] segments = path.split("/");
			boolean excluded = false;
			for (int i = 0; i < segments.length - 1; i++) {
				excluded |= isHidden(segments[i]) || segments[i].equals(TEST_DATA);
			}
			if (!excluded && !isHidden(segments[segments.length - 1]) && isSuite(segments[segments.length - 1])) {
				suites.add(path);
			}
		}
		return suites;
	}

	String content(String path) {
		return this.files.get(path);
	}

	/** Whether any file lies under the folder. */
	boolean hasFolder(String folder) {
		String prefix = folder + "/";
		for (String path : this.files.keySet()) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The file {@code <folder>/<baseName>.<ext>} with a supported extension, the first in name order, or
	 * {@code null}.
	 */
	String find(String folder, String baseName) {
		String prefix = folder + "/" + baseName + ".";
		for (String path : this.files.keySet()) {
			if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0 && isSupported(path)) {
				return path;
			}
		}
		return null;
	}

	/** The folder holding the fixtures of a suite: {@code testdata} beside it. */
	static String testDataFolder(String suitePath) {
		int slash = suitePath.lastIndexOf('/');
		return (slash < 0) ? TEST_DATA : suitePath.substring(0, slash + 1) + TEST_DATA;
	}

	static boolean isSuite(String name) {
		if (!isSupported(name)) {
			return false;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.substring(0, lower.lastIndexOf('.')).endsWith("_test");
	}

	private static boolean isSupported(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
	}

	private static boolean isHidden(String name) {
		return name.startsWith(".") && !name.equals(".") && !name.equals("..");
	}

	private static String normalize(String path) {
		String normalized = path.replace('\\', '/');
		while (normalized.startsWith("./")) {
			normalized = normalized.substring(2);
		}
		return normalized.startsWith("/") ? normalized.substring(1) : normalized;
	}

}
