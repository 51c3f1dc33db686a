package io.authz.spring.policy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.authz.core.policy.PolicyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PolicyFileLoaderTests {

	@TempDir
	Path temp;

	@Test
	void loadsClasspathDirectoryWithPathsRelativeToIt() {
		List<PolicyFile> files = new PolicyFileLoader().load("classpath:policies/");
		assertThat(files).extracting(PolicyFile::path).containsExactly("document.yaml", "hr/leave.yaml");
		assertThat(files.get(0).content()).contains("resource: document");
	}

	@Test
	void loadsClasspathDirectoryWithoutTrailingSlash() {
		assertThat(new PolicyFileLoader().load("classpath:policies")).extracting(PolicyFile::path)
			.containsExactly("document.yaml", "hr/leave.yaml");
	}

	@Test
	void loadsFileDirectoryWithEveryPolicyExtensionAsUtf8() throws IOException {
		Path root = Files.createDirectories(this.temp.resolve("my policies"));
		write(root.resolve("a.yaml"), "name: café");
		write(root.resolve("nested/deeper/b.yml"), "b");
		write(root.resolve("c.json"), "{}");
		write(root.resolve("notes.txt"), "ignored");
		List<PolicyFile> files = new PolicyFileLoader().load(root.toUri().toString());
		assertThat(files).extracting(PolicyFile::path).containsExactly("a.yaml", "c.json", "nested/deeper/b.yml");
		assertThat(files.get(0).content()).isEqualTo("name: café");
		assertThat(new PolicyFileLoader().load("file:" + root + "/")).extracting(PolicyFile::path)
			.containsExactly("a.yaml", "c.json", "nested/deeper/b.yml");
	}

	@Test
	void loadsClasspathDirectoryInAJar() throws IOException {
		assertThat(loadFromJar()).containsExactly("document.yaml", "hr/leave.yaml");
	}

	@Test
	void missingLocationFailsNamingIt() {
		String location = this.temp.resolve("missing").toUri().toString();
		assertThatExceptionOfType(NoPolicyFilesException.class).isThrownBy(() -> new PolicyFileLoader().load(location))
			.withMessage("Policy location '" + location + "' does not exist")
			.satisfies((ex) -> assertThat(ex.isExists()).isFalse());
		assertThatExceptionOfType(NoPolicyFilesException.class)
			.isThrownBy(() -> new PolicyFileLoader().load("classpath:missing/"))
			.withMessageContaining("'classpath:missing/'");
	}

	@Test
	void locationWithoutPolicyFilesFailsNamingIt() throws IOException {
		write(this.temp.resolve("README.md"), "none");
		String location = this.temp.toUri().toString();
		assertThatExceptionOfType(NoPolicyFilesException.class).isThrownBy(() -> new PolicyFileLoader().load(location))
			.withMessage("No policy files (*.yaml, *.yml, *.json) found in policy location '" + location + "'")
			.satisfies((ex) -> assertThat(ex.isExists()).isTrue());
	}

	private List<String> loadFromJar() throws IOException {
		Path jar = this.temp.resolve("policies.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("policies/"));
			out.putNextEntry(new JarEntry("policies/hr/"));
			putEntry(out, "policies/hr/leave.yaml", "leave");
			putEntry(out, "policies/document.yaml", "document");
			putEntry(out, "other/ignored.yaml", "other");
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<PolicyFile> files = new PolicyFileLoader(new DefaultResourceLoader(classLoader))
				.load("classpath:policies/");
			assertThat(files).extracting(PolicyFile::content).containsExactly("document", "leave");
			return files.stream().map(PolicyFile::path).toList();
		}
	}

	private static void putEntry(JarOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

	private static void write(Path path, String content) throws IOException {
		Files.createDirectories(path.getParent());
		try (OutputStream out = Files.newOutputStream(path)) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
	}

}
