package io.authz.spring.principal;

import io.authz.core.model.Principal;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * Resolves the {@link Principal} a policy check is made for from the current Spring Security
 * {@link Authentication}.
 * <p>
 * Define a bean of this type to replace the default {@link SecurityContextPrincipalResolver}, for example to add
 * attributes from a user directory; delegate to a {@code SecurityContextPrincipalResolver} to keep its mapping.
 */
@FunctionalInterface
public interface PrincipalResolver {

	/**
	 * Resolves the principal for an authentication.
	 * @param authentication the current authentication, or {@code null} when there is none
	 * @return the principal, never {@code null}; an anonymous principal when the caller is not authenticated
	 */
	Principal resolve(@Nullable Authentication authentication);

}
