package io.authz.spring.principal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.authz.core.model.Principal;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Loads the resolver in a class loader that hides the OAuth 2.0 classes, as in an application without
 * {@code spring-security-oauth2-resource-server}.
 */
class WithoutResourceServerTests {

	@Test
	void resolvesWithoutTheResourceServerClasses() throws Exception {
		try (HidingClassLoader classLoader = new HidingClassLoader()) {
			assertThatExceptionOfType(ClassNotFoundException.class).isThrownBy(() -> classLoader.loadClass(
					"org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken"));
			Class<?> resolverClass = classLoader.loadClass(SecurityContextPrincipalResolver.class.getName());
			assertThat(resolverClass.getClassLoader()).isSameAs(classLoader);
			Object resolver = resolverClass.getConstructor(List.class).newInstance(List.of("ROLE_"));
			Authentication authentication = UsernamePasswordAuthenticationToken.authenticated("alice", null,
					AuthorityUtils.createAuthorityList("ROLE_user"));
			Principal principal = (Principal) resolverClass.getMethod("resolve", Authentication.class)
				.invoke(resolver, authentication);
			assertThat(principal.id()).isEqualTo("alice");
			assertThat(principal.roles()).containsExactly("user");
		}
	}

	/** Loads this package itself and hides the OAuth 2.0 classes; everything else comes from the parent. */
	static final class HidingClassLoader extends ClassLoader implements AutoCloseable {

		HidingClassLoader() {
			super(WithoutResourceServerTests.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (getClassLoadingLock(name)) {
				if (name.startsWith("org.springframework.security.oauth2.")) {
					throw new ClassNotFoundException(name);
				}
				if (!name.startsWith(SecurityContextPrincipalResolver.class.getPackageName() + ".")
						|| name.contains("Tests")) {
					return super.loadClass(name, resolve);
				}
				Class<?> loaded = findLoadedClass(name);
				if (loaded == null) {
					loaded = defineOwnClass(name);
				}
				if (resolve) {
					resolveClass(loaded);
				}
				return loaded;
			}
		}

		@Override
		public java.net.URL getResource(String name) {
			return name.startsWith("org/springframework/security/oauth2/") ? null : super.getResource(name);
		}

		private Class<?> defineOwnClass(String name) throws ClassNotFoundException {
			String path = name.replace('.', '/') + ".class";
			try (InputStream input = getParent().getResourceAsStream(path)) {
				if (input == null) {
					throw new ClassNotFoundException(name);
				}
				byte[] bytes = input.readAllBytes();
				return defineClass(name, bytes, 0, bytes.length);
			}
			catch (IOException ex) {
				throw new ClassNotFoundException(name, ex);
			}
		}

		@Override
		public void close() {
		}

	}

}
