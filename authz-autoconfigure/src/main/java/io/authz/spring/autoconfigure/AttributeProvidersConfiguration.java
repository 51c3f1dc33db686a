package io.authz.spring.autoconfigure;

import java.util.Map;

import io.authz.core.pip.AttributeEnricher;
import io.authz.core.pip.AttributeProviderSettings;
import io.authz.core.pip.PrincipalAttributeProvider;
import io.authz.core.pip.ResourceAttributeProvider;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The {@link AttributeEnricher} that merges the principals and resources files ({@code authz.pip.principals},
 * {@code authz.pip.resources}) and the application's {@link PrincipalAttributeProvider} and
 * {@link ResourceAttributeProvider} beans, in that order, into every check before the engine decides it.
 */
@Configuration(proxyBeanMethods = false)
class AttributeProvidersConfiguration {

	@Bean
	AttributeFiles authzAttributeFiles(AuthzProperties properties, ResourceLoader resourceLoader) {
		return AttributeFiles.read(properties.getPip(), resourceLoader);
	}

	@Bean
	@ConditionalOnMissingBean
	AttributeEnricher attributeEnricher(AuthzProperties properties, AttributeFiles files,
			ObjectProvider<PrincipalAttributeProvider> principalProviders,
			ObjectProvider<ResourceAttributeProvider> resourceProviders, ListableBeanFactory beanFactory) {
		AuthzProperties.Pip pip = properties.getPip();
		AttributeEnricher.Builder builder = AttributeEnricher.builder();
		// Files are read into memory once: neither a cache nor a timeout is of use
		AttributeProviderSettings fileSettings = AttributeProviderSettings.defaults()
			.withAuthoritative(pip.isPrincipalsAuthoritative());
		files.principals().forEach((file) -> builder.principalProvider(file.toString(), file, fileSettings));
		files.resources()
			.values()
			.forEach((file) -> builder.resourceProvider(file.toString(), file, AttributeProviderSettings.defaults()));
		Map<String, PrincipalAttributeProvider> principalBeans = beanFactory
			.getBeansOfType(PrincipalAttributeProvider.class);
		principalProviders.orderedStream()
			.forEach((provider) -> builder.principalProvider(nameOf(provider, principalBeans), provider,
					settings(pip, provider.isAuthoritative())));
		Map<String, ResourceAttributeProvider> resourceBeans = beanFactory
			.getBeansOfType(ResourceAttributeProvider.class);
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

}
