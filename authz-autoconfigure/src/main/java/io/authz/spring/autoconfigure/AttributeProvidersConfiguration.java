package io.authz.spring.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.authz.core.pip.AttributeEnricher;
import io.authz.core.pip.AttributeProviderSettings;
import io.authz.core.pip.PrincipalAttributeProvider;
import io.authz.core.pip.PrincipalAttributesFile;
import io.authz.core.pip.ResourceAttributeProvider;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;

/**
 * The {@link AttributeEnricher} that merges the application's {@link PrincipalAttributeProvider} and
 * {@link ResourceAttributeProvider} beans, and the principals file ({@code authz.pip.principals}), into every
 * check before the engine decides it.
 */
@Configuration(proxyBeanMethods = false)
class AttributeProvidersConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AttributeEnricher attributeEnricher(AuthzProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<PrincipalAttributeProvider> principalProviders,
			ObjectProvider<ResourceAttributeProvider> resourceProviders, ListableBeanFactory beanFactory) {
		AuthzProperties.Pip pip = properties.getPip();
		AttributeEnricher.Builder builder = AttributeEnricher.builder();
		if (StringUtils.hasText(pip.getPrincipals())) {
			// Read once into memory: neither a cache nor a timeout is of use
			builder.principalProvider(pip.getPrincipals(), principalsFile(pip.getPrincipals(), resourceLoader),
					AttributeProviderSettings.defaults().withAuthoritative(pip.isPrincipalsAuthoritative()));
		}
		Map<String, PrincipalAttributeProvider> principalBeans = beanFactory
			.getBeansOfType(PrincipalAttributeProvider.class);
		principalProviders.orderedStream()
			.forEach((provider) -> builder.principalProvider(nameOf(provider, principalBeans), provider,
					settings(pip, provider.isAuthoritative())));
		Map<String, ResourceAttributeProvider> resourceBeans = beanFactory.getBeansOfType(ResourceAttributeProvider.class);
		resourceProviders.orderedStream()
			.forEach((provider) -> builder.resourceProvider(nameOf(provider, resourceBeans), provider,
					settings(pip, provider.isAuthoritative())));
		return builder.build();
	}

	/** The bean name, for messages that say which provider failed. */
	private static String nameOf(Object provider, Map<String, ?> beans) {
		for (Map.Entry<String, ?> entry : beans.entrySet()) {
			if (entry.getValue() == provider) {
				return entry.getKey();
			}
		}
		return provider.getClass().getName();
	}

	private static AttributeProviderSettings settings(AuthzProperties.Pip pip, boolean authoritative) {
		return new AttributeProviderSettings(authoritative, pip.getCacheTtl(), pip.getCacheMaxSize(), pip.getTimeout(),
				pip.getFailurePolicy());
	}

	private static PrincipalAttributesFile principalsFile(String location, ResourceLoader resourceLoader) {
		Resource resource = resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw new IllegalStateException("The principal attributes file '" + location
					+ "' (authz.pip.principals) does not exist");
		}
		try {
			return PrincipalAttributesFile.read(location, resource.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The principal attributes file '" + location + "' could not be read", ex);
		}
	}

}
