package io.authz.spring.autoconfigure;

import io.authz.core.check.Authorizer;
import io.authz.spring.method.AuthorizeAuthorizationManager;
import io.authz.spring.method.AuthorizeMethodInterceptors;
import io.authz.spring.principal.PrincipalResolver;

import org.springframework.aop.Pointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.method.AuthorizationAdvisor;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The advisor that enforces {@code @Authorize}.
 * <p>
 * The advisor is an infrastructure bean, found by the auto-proxy creator before application beans are created, so
 * it takes its collaborators lazily: they are looked up on the first {@code @Authorize} call, and get created like
 * any other bean, with every post-processor applied.
 */
@Configuration(proxyBeanMethods = false)
@Import(AuthorizeAutoProxyRegistrar.class)
class AuthorizeMethodSecurityConfiguration {

	static final String ADVISOR_BEAN_NAME = "authorizeAuthorizationAdvisor";

	@Bean(ADVISOR_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean(name = ADVISOR_BEAN_NAME)
	static AuthorizationAdvisor authorizeAuthorizationAdvisor(ObjectProvider<Authorizer> authorizer,
			ObjectProvider<PrincipalResolver> principalResolver,
			ObjectProvider<MethodSecurityExpressionHandler> expressionHandler,
			ObjectProvider<GrantedAuthorityDefaults> grantedAuthorityDefaults,
			ObjectProvider<RoleHierarchy> roleHierarchy,
			ObjectProvider<AnnotationTemplateExpressionDefaults> templateDefaults,
			ObjectProvider<SecurityContextHolderStrategy> securityContextHolderStrategy, ApplicationContext context) {
		// Read now, as Spring Security does: the pointcut has to match composed annotations at start-up.
		AnnotationTemplateExpressionDefaults defaults = templateDefaults.getIfUnique();
		Pointcut pointcut = AuthorizeMethodInterceptors.pointcut(defaults);
		return new DeferringAuthorizationAdvisor(pointcut, AuthorizeMethodInterceptors.ORDER, () -> {
			AuthorizeAuthorizationManager manager = new AuthorizeAuthorizationManager(authorizer::getObject,
					principalResolver::getObject);
			manager.setExpressionHandler(expressionHandler.getIfUnique(
					() -> defaultExpressionHandler(context, grantedAuthorityDefaults, roleHierarchy)));
			if (defaults != null) {
				manager.setTemplateDefaults(defaults);
			}
			AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
					pointcut, manager);
			interceptor.setOrder(AuthorizeMethodInterceptors.ORDER);
			securityContextHolderStrategy.ifUnique(interceptor::setSecurityContextHolderStrategy);
			// No event publisher: authorization events are published per decision, for every check, by the
			// audit auto-configuration (AuthorizationEventBridge); publishing here too would report twice.
			return interceptor;
		});
	}

	/** The handler Spring Security's method security uses when the application defines none. */
	private static MethodSecurityExpressionHandler defaultExpressionHandler(ApplicationContext context,
			ObjectProvider<GrantedAuthorityDefaults> grantedAuthorityDefaults,
			ObjectProvider<RoleHierarchy> roleHierarchy) {
		DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
		handler.setApplicationContext(context);
		grantedAuthorityDefaults.ifUnique((defaults) -> handler.setDefaultRolePrefix(defaults.getRolePrefix()));
		roleHierarchy.ifUnique(handler::setRoleHierarchy);
		return handler;
	}

}
